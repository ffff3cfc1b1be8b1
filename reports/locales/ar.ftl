### رسائل موجزات النتائج لكل آلية تشاور والخلاصة الجامعة، باللغة العربية (العربية الفصحى المعاصرة،
### بأسلوب رسمي). The summary is set right to left; numbers in words agree with the feminine
### nouns they count (دولة، منظمة).
###
### The message ids, attributes and variables are those of en.ftl, which documents them; a message
### left out here falls back to English. { $iscm-gender }, { $State-gender } ... let a verb or a pronoun
### agree with the name (names.ar.ftl); Arabic names are already definite and carry no article.

## القواعد

list_separator = ،{ " " }
long_list_separator = ؛{ " " }
# The conjunction و is written joined to the word it introduces
join_last = { $head } و{ $last }
# A list of three or more repeats و before every item after the first: "أ، وب، وج"
join_each = { $head }{ $separator }و{ $next }

number_in_words = { $n ->
        [0] لا
        [1] واحدة
        [2] اثنتان
        [3] ثلاث
        [4] أربع
        [5] خمس
        [6] ست
        [7] سبع
        [8] ثماني
        [9] تسع
        [10] عشر
        [11] إحدى عشرة
        [12] اثنتا عشرة
        [13] ثلاث عشرة
        [14] أربع عشرة
        [15] خمس عشرة
        [16] ست عشرة
        [17] سبع عشرة
        [18] ثماني عشرة
        [19] تسع عشرة
        [20] عشرون
       *[other] { $count }
    }

# Months as UN Arabic documents write them: "أيلول/سبتمبر" (docs/translations.md, Typography)
month = { $month ->
        [1] كانون الثاني/يناير
        [2] شباط/فبراير
        [3] آذار/مارس
        [4] نيسان/أبريل
        [5] أيار/مايو
        [6] حزيران/يونيو
        [7] تموز/يوليو
        [8] آب/أغسطس
        [9] أيلول/سبتمبر
        [10] تشرين الأول/أكتوبر
        [11] تشرين الثاني/نوفمبر
       *[12] كانون الأول/ديسمبر
    }
date = { $day } { $month } { $year }
date_range_same_month = { $day }-{ $end_day } { $month } { $year }
date_range = { $start } - { $end }

# Arabic names and titles carry their article (ال) themselves: no article to detect or add
articles = { "" }
# The article ال is written joined to the word; "of" below contracts لـ with it
joined_articles =
    .al = ال
# Titles given in answers are quoted rather than given an article
with_article = «{ $title }»
# Arabic answers are cited whole rather than cut into clauses
clause_openers = { "" }
gerund_suffixes = { "" }

quote = «{ $text }»

# ل ("of", "for") before a field ({ $text }), joined to its first word ("لعملية الخرطوم"); before
# ال the two make لل
of = { $article ->
        [al] لل{ $name }
       *[other] ل{ $text }
    }

## الإجابات المقتبسة باللغة التي قُدّمت بها

answer_language_note = تُقتبس الإجابات التي كتبها المجيبون باللغة التي قُدّمت بها ({ $languages }).

language_names =
    .en = الإنكليزية
    .fr = الفرنسية
    .es = الإسبانية
    .ar = العربية

answer_topic = { $topic }: { $text }

answer_topics =
    .mandate = الولاية
    .work_plan_scope = نطاق خطة العمل
    .knowledge_management = إدارة المعارف
    .funding_description = التمويل

edited_marker = نص راجعه أحد المحللين

## Title block and introduction

organisation = المنظمة الدولية للهجرة

division = شعبة الشراكات الدولية

assessment = تقييم آليات التشاور بين الدول بشأن الهجرة

summary_title = موجز النتائج لكل آلية تشاور

iscm_name_label = اسم آلية التشاور بين الدول بشأن الهجرة:

intro = في إطار تقييم آليات التشاور بين الدول بشأن الهجرة، أُجري استقصاء في عام { $year }. وقد أجرت المنظمة الدولية للهجرة هذا الاستقصاء لدى آليات التشاور والدول الأعضاء فيها والمنظمات الحكومية الدولية المعنية، بهدف تقييم استمرار أهمية هذه الآليات ومساهمتها في حوكمة الهجرة على جميع المستويات (الوطنية والإقليمية والدولية)، وأوجه التآزر فيما بينها ومع الجهات الفاعلة الأخرى. وعُرضت نتائج هذا الاستقصاء في الاجتماع العالمي لآليات التشاور في عام { $year }، واستُخدمت لصياغة توصيات ترمي إلى تعزيز مشاركة هذه الآليات في حوكمة الهجرة.
intro_results = وقد قدّمت { $states } و{ $iscms } و{ $igos } إجابات على الاستبيانات. وترد النتائج في تقرير التقييم لعام { $year }، «النهوض بفهم مشترك لحوكمة الهجرة بين المناطق»، الذي يقدّم لمحة عامة عن تنظيم آليات التشاور وأنشطتها واستمرار أهميتها وأوجه تآزرها مع الجهات الفاعلة المعنية في مجال إدارة الهجرة. وتكملةً للتقرير، تعرض المعلومات الواردة أدناه الأولويات المواضيعية لكل آلية وهيكلها وأثرها وأهميتها.

# Singular; plural from three to ten; from eleven on
count_states = { $n ->
        [one] { $count } دولة
        [two] { $count } دول
        [few] { $count } دول
       *[other] { $count } دولة
    }

count_iscms = { $n ->
        [one] { $count } آلية تشاور
        [two] { $count } آليات تشاور
        [few] { $count } آليات تشاور
       *[other] { $count } آلية تشاور
    }

count_igos = { $n ->
        [one] { $count } منظمة حكومية دولية
        [two] { $count } منظمات حكومية دولية
        [few] { $count } منظمات حكومية دولية
       *[other] { $count } منظمة حكومية دولية
    }

## Section titles

titles =
    .programming = تطور البرامج والتركيز المواضيعي
    .contribution = المساهمة في حوكمة الهجرة على المستويات الوطني والإقليمي والأقاليمي والعالمي (مع أمثلة)
    .structures = أبرز هياكل الآلية
    .partnerships = نماذج الشراكة لدى الآلية
    .membership_value = القيمة المضافة للعضوية في الآلية بالنسبة للدول والمنظمات (مع أمثلة)

## When answers are missing

iscm_did_not_answer = لم { $iscm-gender ->
        [masculine] يُجب
       *[other] تُجب
    } { $iscm } على الاستبيان الموجه إلى آليات التشاور.

nothing_on_topic = لم تُقدَّم أي معلومات بشأن هذا الموضوع.

## 1. Programming

founding_mandate = وفقًا لما ورد في الوثيقة { $document }، فإن { $iscm } { $mandate }.

mandate_only = { $iscm } { $mandate }.

founding_document = الوثيقة التأسيسية { $iscm-of } هي { $document }.

document_of_year = { $document } لعام { $year }

document_adopted_at = { $document } المعتمدة في { $event }

document_adopted_at_on = { $document } المعتمدة في { $event } بتاريخ { $date }

document_adopted_on = { $document } المعتمدة بتاريخ { $date }

thematic_kept_added = في حين ظل التركيز الأصلي على { $kept } من الأولويات المواضيعية { $iscm-of }، { $iscm-gender ->
        [masculine] بات يتناول
       *[other] باتت تتناول
    } أيضًا { $added }.

thematic_kept_evolution = في حين ظل التركيز الأصلي على { $kept } من الأولويات المواضيعية { $iscm-of }، { $evolution }.

thematic_unchanged = ظل التركيز المواضيعي { $iscm-of } هو تركيز { $iscm-gender ->
        [masculine] ولايته
       *[other] ولايتها
    } الأصلية: { $kept }.

thematic_replaced = شملت الولاية الأصلية { $iscm-of } { $original }؛ أما اليوم { $iscm-gender ->
        [masculine] فيتناول
       *[other] فتتناول
    } { $current }.

thematic_dropped = { $iscm-gender ->
        [masculine] ولم يعد يتناول
       *[other] ولم تعد تتناول
    } { $dropped }.

thematic_current = { $iscm-gender ->
        [masculine] يتناول
       *[other] تتناول
    } { $iscm } حاليًا { $current }.

thematic_original = شملت الولاية الأصلية { $iscm-of } { $original }.

strategy_no = لا { $iscm-gender ->
        [masculine] يملك
       *[other] تملك
    } { $iscm } استراتيجية رسمية.

strategy_yes = { $iscm-gender ->
        [masculine] يملك
       *[other] تملك
    } { $iscm } استراتيجية رسمية.

strategy_yes_titled = { $iscm-gender ->
        [masculine] يملك
       *[other] تملك
    } { $iscm } استراتيجية رسمية: { $title }.

strategy_in_preparation = { $iscm-gender ->
        [masculine] يعكف
       *[other] تعكف
    } { $iscm } على إعداد استراتيجية رسمية.

guiding_document = الوثيقة الرئيسية التي توجه إجراءات { $iscm } { $iscm-gender ->
        [masculine] وأولوياته
       *[other] وأولوياتها
    } هي الوثيقة { $document }.

work_plan = يُنفَّذ عمل { $iscm } ويُرصد وفقًا لخطة { $iscm-gender ->
        [masculine] عمله
       *[other] عملها
    }{ $period }{ $scope }.

work_plan_other_period = ، التي تغطي الفترة التالية: { $period }

work_plan_scope = ، وتغطي { $scope }

work_plan_none = لا { $iscm-gender ->
        [masculine] يملك
       *[other] تملك
    } { $iscm } خطة عمل.

monitors_one = ويتولى { $monitors } عملية الرصد.

monitors_many = ويتولى كل من { $monitors } عملية الرصد بصورة مشتركة.

## 2. Contribution

national_level = على المستوى الوطني: { $text }

interregional_level = على المستوى الأقاليمي: { $text }

global_level = على المستوى العالمي: { $text }

national_means = { $iscm-gender ->
        [masculine] ساهم
       *[other] ساهمت
    } { $iscm } في سياسات الهجرة وتشريعاتها وممارساتها في الدول الأعضاء { $iscm-gender ->
        [masculine] فيه
       *[other] فيها
    } من خلال { $means }.

national_outcomes_after_means = وعلاوة على ذلك، { $outcomes }.

national_outcomes = ومن إسهامات { $iscm } { $iscm-gender ->
        [masculine] أنه
       *[other] أنها
    } { $outcomes }.

national_impact_state = { $State-gender ->
        [masculine] أفاد
       *[other] أفادت
    } { $State } بشأن الأثر على المستوى الوطني: { $quote }

## 3. Structures

structures = تضم هياكل { $iscm } { $elements }.

secretariat_of_kinds = أمانة { $kinds }

secretariat_managed = تتولى { $managers } إدارة الأمانة{ $support }.

secretariat_managed_jointly = تتولى { $managers } إدارة الأمانة بصورة مشتركة{ $support }.

secretariat_support = { " " }بدعم من { $supporters }

secretariat_supported = تحظى الأمانة بدعم من { $supporters }.

secretariat_functions_after = وتشمل مهامها { $functions }.

secretariat_functions = تشمل مهام الأمانة { $functions }.

governing_documents_one = الوثيقة الناظمة لعمل { $iscm } هي { $documents }.

governing_documents_many = تتألف الوثائق الناظمة لعمل { $iscm } من { $documents }.

knowledge_management = تُدار المعارف من خلال { $clause }.

communication = { $iscm-gender ->
        [masculine] يقدّم
       *[other] تقدّم
    } { $iscm } { $frequency }معلومات محدّثة عن { $iscm-gender ->
        [masculine] عمله
       *[other] عملها
    }{ $channels }.

communication_channels = { " " }{ $channels }

communication_other_channel = عبر { $channel }

membership_unchanged = لم تتغير عضوية { $iscm } منذ { $iscm-gender ->
        [masculine] إنشائه
       *[other] إنشائها
    }.

membership_changed = تغيّرت عضوية { $iscm } منذ { $iscm-gender ->
        [masculine] إنشائه
       *[other] إنشائها
    }.

membership_joined_left = تغيّرت عضوية { $iscm } منذ { $iscm-gender ->
        [masculine] إنشائه
       *[other] إنشائها
    }: فقد انضمت { $iscm-gender ->
        [masculine] إليه
       *[other] إليها
    } { $joined } وانسحبت { $iscm-gender ->
        [masculine] منه
       *[other] منها
    } { $left }.

membership_joined = تغيّرت عضوية { $iscm } منذ { $iscm-gender ->
        [masculine] إنشائه
       *[other] إنشائها
    }: فقد انضمت { $iscm-gender ->
        [masculine] إليه
       *[other] إليها
    } { $joined }.

membership_left = تغيّرت عضوية { $iscm } منذ { $iscm-gender ->
        [masculine] إنشائه
       *[other] إنشائها
    }: فقد انسحبت { $iscm-gender ->
        [masculine] منه
       *[other] منها
    } { $left }.

funding_sources = { $iscm-gender ->
        [masculine] يُموَّل
       *[other] تُموَّل
    } { $iscm } من خلال { $sources }.

funding_stability =
    .stable = مصادر تمويل { $iscm } مستقرة.
    .partly_stable = مصادر تمويل { $iscm } مستقرة جزئيًا.
    .unstable = مصادر تمويل { $iscm } غير مستقرة.

## 4. Partnerships

partner_iscms = { $iscm-gender ->
        [masculine] يعمل
       *[other] تعمل
    } { $iscm } بشكل وثيق مع { $partners }.

partner_igos = { $iscm-gender ->
        [masculine] يتعاون
       *[other] تتعاون
    } { $iscm } مع منظمات حكومية دولية مثل { $igos }{ $roles }.

partner_igos_moreover = وعلاوة على ذلك، { $iscm-gender ->
        [masculine] يتعاون
       *[other] تتعاون
    } { $iscm } مع منظمات حكومية دولية مثل { $igos }{ $roles }.

partner_igo_roles = ، { $igos-number ->
        [plural] التي
       *[other] { $igos-gender ->
            [masculine] الذي
           *[other] التي
        }
    } { $roles }

igo_example_first = { $Igo }، على سبيل المثال، { $clause }.

igo_example = { $Igo } { $clause }.

reported = { $Subject-gender ->
        [masculine] أفاد
       *[other] أفادت
    } { $Subject }: { $quote }

civil_society = تُدعى المنظمات غير الحكومية ومنظمات المجتمع المدني إلى { $activities }.

civil_society_none = لا تشارك المنظمات غير الحكومية ومنظمات المجتمع المدني في عمل { $iscm }.

igos_referred = أشارت { $Count } من المنظمات الحكومية الدولية المشمولة بالاستقصاء ({ $names }) إلى { $iscm } في إجاباتها.

igos_referred_unnamed = أشارت { $Count } من المنظمات الحكومية الدولية المشمولة بالاستقصاء إلى { $iscm } في إجاباتها.

igos_referred_one = أشارت إحدى المنظمات الحكومية الدولية المشمولة بالاستقصاء ({ $names }) إلى { $iscm } في إجاباتها.

igos_referred_unnamed_one = أشارت إحدى المنظمات الحكومية الدولية المشمولة بالاستقصاء إلى { $iscm } في إجاباتها.

igos_referred_all = { $size ->
        [one] أشارت المنظمة الحكومية الدولية الوحيدة المشمولة بالاستقصاء ({ $names }) إلى { $iscm } في إجاباتها.
        [two] أشارت المنظمتان الحكوميتان الدوليتان المشمولتان بالاستقصاء كلتاهما ({ $names }) إلى { $iscm } في إجاباتهما.
       *[other] أشارت جميع المنظمات الحكومية الدولية المشمولة بالاستقصاء ({ $names })، وعددها { $count }، إلى { $iscm } في إجاباتها.
    }

igos_referred_all_unnamed = { $size ->
        [one] أشارت المنظمة الحكومية الدولية الوحيدة المشمولة بالاستقصاء إلى { $iscm } في إجاباتها.
        [two] أشارت المنظمتان الحكوميتان الدوليتان المشمولتان بالاستقصاء كلتاهما إلى { $iscm } في إجاباتهما.
       *[other] أشارت جميع المنظمات الحكومية الدولية المشمولة بالاستقصاء، وعددها { $count }، إلى { $iscm } في إجاباتها.
    }

igo_roles = { $igos }: { $roles }.

igo_roles_also = كما أن { $igos } { $roles }.

one_igo = إحدى المنظمات الحكومية الدولية
    .gender = feminine
    .number = singular

another_igo = منظمة حكومية دولية أخرى
    .gender = feminine
    .number = singular

## 5. Membership value

member_value = تُقدّر الدول الأعضاء عضويتها في { $iscm } من أجل { $values }.

member_value_further = كما تُقدّر الدول الأعضاء عضويتها في { $iscm } من أجل { $values }.

states_referred = أشارت { $Count } من الدول الأعضاء المشمولة بالاستقصاء ({ $names }) إلى { $iscm } في إجاباتها.

states_referred_unnamed = أشارت { $Count } من الدول الأعضاء المشمولة بالاستقصاء إلى { $iscm } في إجاباتها.

states_referred_one = أشارت إحدى الدول الأعضاء المشمولة بالاستقصاء ({ $names }) إلى { $iscm } في إجاباتها.

states_referred_unnamed_one = أشارت إحدى الدول الأعضاء المشمولة بالاستقصاء إلى { $iscm } في إجاباتها.

states_referred_all = { $size ->
        [one] أشارت الدولة العضو الوحيدة المشمولة بالاستقصاء ({ $names }) إلى { $iscm } في إجاباتها.
        [two] أشارت الدولتان العضوان المشمولتان بالاستقصاء كلتاهما ({ $names }) إلى { $iscm } في إجاباتهما.
       *[other] أشارت جميع الدول الأعضاء المشمولة بالاستقصاء ({ $names })، وعددها { $count }، إلى { $iscm } في إجاباتها.
    }

states_referred_all_unnamed = { $size ->
        [one] أشارت الدولة العضو الوحيدة المشمولة بالاستقصاء إلى { $iscm } في إجاباتها.
        [two] أشارت الدولتان العضوان المشمولتان بالاستقصاء كلتاهما إلى { $iscm } في إجاباتهما.
       *[other] أشارت جميع الدول الأعضاء المشمولة بالاستقصاء، وعددها { $count }، إلى { $iscm } في إجاباتها.
    }

no_state_referred = لم تُشر أي دولة عضو مشمولة بالاستقصاء إلى { $iscm } في إجاباتها.

member_states_counted = { $n ->
        [1] دولة عضو واحدة
       *[other] { $count } من الدول الأعضاء
    }

funding_view_same = { $States-gender ->
        [masculine] ووصف
       *[other] ووصفت
    } { $States } أيضًا تمويل { $iscm } بأنه { $view }.

funding_view_differs = غير أن { $states } { $states-gender ->
        [masculine] وصف
       *[other] وصفت
    } تمويل { $iscm } بأنه { $view }.

funding_view_only = { $States-gender ->
        [masculine] وصف
       *[other] وصفت
    } { $States } تمويل { $iscm } بأنه { $view }.

funding_views =
    .stable = مستقر
    .partly_stable = مستقر جزئيًا
    .unstable = غير مستقر

state_benefits = { $State-gender ->
        [masculine] استفاد
       *[other] استفادت
    } { $State } من { $State-gender ->
        [masculine] مشاركته
       *[other] مشاركتها
    } في { $iscm }، ولا سيما من { $benefits }.

state_benefits_also = كما { $State-gender ->
        [masculine] استفاد
       *[other] استفادت
    } { $State } من { $State-gender ->
        [masculine] مشاركته
       *[other] مشاركتها
    }، ولا سيما من { $benefits }.

state_values = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $values }.

state_values_also = كما { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } العملية من أجل { $values }.

state_values_listed = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $values }، وهو ما { $iscm-gender ->
        [masculine] يعدّه
       *[other] تعدّه
    } { $iscm } أيضًا من مزايا العضوية.

state_values_unlisted = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $values }، وهو ما لا { $iscm-gender ->
        [masculine] يعدّه
       *[other] تعدّه
    } { $iscm } من مزايا العضوية.

state_values_partly_listed = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $listed }، وهو ما { $iscm-gender ->
        [masculine] يعدّه
       *[other] تعدّه
    } { $iscm } أيضًا من مزايا العضوية، ومن أجل { $unlisted }، وهو ما لا { $iscm-gender ->
        [masculine] يذكره
       *[other] تذكره
    }.

state_values_also_listed = كما { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } العملية من أجل { $values }، وهو ما { $iscm-gender ->
        [masculine] يعدّه
       *[other] تعدّه
    } { $iscm } كذلك من مزايا العضوية.

state_values_also_unlisted = كما { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } العملية من أجل { $values }، وهو ما لا { $iscm-gender ->
        [masculine] يعدّه
       *[other] تعدّه
    } { $iscm } من مزايا العضوية.

state_values_also_partly_listed = كما { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } العملية من أجل { $listed }، وهو ما { $iscm-gender ->
        [masculine] يعدّه
       *[other] تعدّه
    } { $iscm } كذلك من مزايا العضوية، ومن أجل { $unlisted }، وهو ما لا { $iscm-gender ->
        [masculine] يذكره
       *[other] تذكره
    }.

one_state = إحدى الدول الأعضاء
    .gender = feminine
    .number = singular

another_state = دولة عضو أخرى
    .gender = feminine
    .number = singular

choices_membership_value =
    .exchange_of_practices = تبادل الممارسات الجيدة
    .trust_building = بناء الثقة
    .networking = التواصل وبناء الشبكات
    .capacity_building = بناء القدرات
    .policy_coordination = تنسيق السياسات
    .access_to_stakeholders = الوصول إلى أصحاب المصلحة
    .technical_advice = المشورة التقنية
    .knowledge_sharing = تبادل المعارف
    .emerging_issues = الحوار بشأن القضايا المستجدة
    .global_initiatives = مواكبة المبادرات العالمية بشأن الهجرة
    .partnerships = تطوير الشراكات
    .projects_and_funding = الوصول إلى المشاريع والتمويل

choices_work_plan_monitors =
    .secretariat = الأمانة
    .chair = الرئاسة
    .steering_committee = اللجنة التوجيهية
    .member_states = الدول الأعضاء
    .external_evaluator = مقيّم خارجي

choices_work_plan_period =
    .annual = ، التي تُعَدّ سنويًا
    .biennial = ، التي تُعَدّ كل سنتين
    .multi_year = ، التي تغطي عدة سنوات

choices_national_means =
    .thematic_meetings = الاجتماعات المواضيعية
    .fact_finding_missions = بعثات تقصي الحقائق
    .training = برامج التدريب
    .research = البحوث
    .technical_assistance = المساعدة التقنية

choices_national_outcomes =
    .capacity_building = { $iscm-gender ->
            [masculine] عزّز
           *[other] عزّزت
        } قدرات الدول الأعضاء
    .exchange_of_practices = { $iscm-gender ->
            [masculine] أتاح
           *[other] أتاحت
        } تبادل أفضل الممارسات

choices_structure_elements =
    .chair = رئاسة
    .co_chairs = رئاسة مشتركة
    .troika = ترويكا
    .steering_committee = لجنة توجيهية
    .secretariat = أمانة
    .working_groups = أفرقة عاملة
    .national_focal_points = جهات تنسيق وطنية

choices_secretariat_kind =
    .political = سياسية
    .technical = تقنية

choices_secretariat_functions =
    .background_documents = إعداد وثائق المعلومات الأساسية
    .organising_meetings = تنظيم الاجتماعات
    .liaising_with_focal_points = التواصل مع جهات التنسيق الوطنية
    .monitoring = الرصد
    .communication = التواصل
    .resource_mobilisation = حشد الموارد

choices_communication_channels =
    .email = عبر البريد الإلكتروني
    .meetings = في الاجتماعات
    .website = على { $iscm-gender ->
            [masculine] موقعه
           *[other] موقعها
        } الإلكتروني
    .newsletter = من خلال نشرة إخبارية
    .social_media = على وسائل التواصل الاجتماعي
    .reports = من خلال التقارير

choices_communication_frequency =
    .regular = بانتظام{ " " }
    .occasional = من حين لآخر{ " " }
    .rare = نادرًا{ " " }

choices_funding_sources =
    .member_state_contributions = مساهمات الدول الأعضاء
    .regional_organisation = منظمة إقليمية
    .eu = الاتحاد الأوروبي
    .host_country = البلد المضيف
    .igo = منظمات حكومية دولية
    .donors = الجهات المانحة
    .project_funding = تمويل المشاريع

choices_igo_roles_plural =
    .technical_advice = تقدّم المشورة التقنية
    .funding = تقدّم التمويل
    .implementation = تنفّذ المشاريع
    .secretariat_support = تدعم الأمانة
    .steering_committee_membership = تشارك في عضوية اللجنة التوجيهية
    .observer = تشارك بصفة مراقب

choices_igo_roles_singular =
    .technical_advice = { $igos-gender ->
            [masculine] يقدّم
           *[other] تقدّم
        } المشورة التقنية
    .funding = { $igos-gender ->
            [masculine] يقدّم
           *[other] تقدّم
        } التمويل
    .implementation = { $igos-gender ->
            [masculine] ينفّذ
           *[other] تنفّذ
        } المشاريع
    .secretariat_support = { $igos-gender ->
            [masculine] يدعم
           *[other] تدعم
        } الأمانة
    .steering_committee_membership = { $igos-gender ->
            [masculine] يشارك
           *[other] تشارك
        } في عضوية اللجنة التوجيهية
    .observer = { $igos-gender ->
            [masculine] يشارك
           *[other] تشارك
        } بصفة مراقب

choices_civil_society_engagement =
    .attend_meetings = حضور اجتماعات العملية
    .technical_inputs = تقديم مساهمات تقنية
    .implementation = المشاركة في التنفيذ

## Charts

chart_thematic_title = المجالات المواضيعية: الولاية الأصلية والمجالات التي تتناولها الآلية حاليًا

chart_thematic_alt = رسم بياني للمجالات المواضيعية { $iscm-of } في الأصل وحاليًا.

chart_thematic_area = المجال المواضيعي

chart_thematic_original = الولاية الأصلية

chart_thematic_current = تتناولها الآلية حاليًا

chart_yes = نعم

chart_no = لا

chart_value_title = قيمة العضوية كما ذكرتها الدول الأعضاء

chart_value_alt = رسم بياني شريطي لعدد الدول الأعضاء التي ذكرت كل قيمة من قيم العضوية.

chart_value_area = قيمة العضوية

chart_value_count = عدد الدول الأعضاء

chart_meetings_title = الاجتماعات المعقودة سنويًا، حسب المستوى

chart_meetings_alt = رسم بياني شريطي مكدّس لاجتماعات { $iscm } سنويًا حسب المستوى.

chart_meetings_year = السنة

chart_meetings_count = عدد الاجتماعات

chart_meetings_total = المجموع

chart_meetings_unspecified = المستوى غير محدد

chart_data_caption = بيانات الرسم البياني

## Annex and page furniture

annex = المرفق

annex_meetings = الاجتماعات المعقودة

annex_meeting_date = التاريخ

annex_meeting_place = المكان

annex_meeting_level = المستوى

annex_meeting_title = الاجتماع

annex_meeting_host = المضيف والرئاسة

annex_meeting_host_value = المضيف: { $host }

annex_meeting_chair_value = الرئاسة: { $chair }

annex_respondents = الدول والمنظمات الحكومية الدولية التي أجابت بشأن الآلية

annex_respondent = المجيب

annex_respondent_type = النوع

annex_respondent_role = الدور في الآلية

annex_sources = المصادر

annex_source_organisation = المجيب

annex_source_type = الاستبيان

annex_source_submitted = تاريخ التقديم

annex_source_version = الإصدار

annex_round = جولة الاستقصاء: { $name }{ $year }. أُعدّ الموجز بتاريخ { $date }.

respondent_types =
    .state = دولة
    .iscm = آلية تشاور
    .igo = منظمة حكومية دولية

page = الصفحة

page_of = من

## The compendium

compendium_title = مجموعة موجزات النتائج لكل آلية تشاور

compendium_subtitle = أُعدّت للاجتماع العالمي لآليات التشاور بين الدول بشأن الهجرة

compendium_iscms_answered_of_invited = أجابت { $answered } من أصل { $invited } آلية تشاور مدعوّة على الاستبيان
compendium_iscms_answered = أجابت { $iscms } على الاستبيان

contents = المحتويات

participation = المشاركة في الاستقصاء

participation_intro = قدّمت { $states } و{ $iscms } و{ $igos } إجابات على استبيانات الجولة { $round }.

participation_by_type_title = المجيبون حسب النوع

participation_by_type_alt = رسم بياني شريطي للمجيبين حسب النوع.

participation_by_region_title = المجيبون حسب المنطقة والنوع

participation_by_region_alt = رسم بياني شريطي للمجيبين حسب المنطقة والنوع.

participation_type = نوع المجيب

participation_region = المنطقة

participation_answered = أجابوا

participation_invited = المدعوون

participation_rate = معدل الاستجابة

participation_total = المجموع

region_unspecified = المنطقة غير محددة

comparisons = مقارنات بين آليات التشاور

comparison_thematic = المجالات المواضيعية لكل آلية

comparison_thematic_key = ● تتناولها الآلية حاليًا؛ ○ في الولاية الأصلية فقط؛ خانة فارغة: غير مشمول.

comparison_thematic_current = تتناولها الآلية حاليًا

comparison_thematic_original = الولاية الأصلية فقط

comparison_structures = مقارنة الهياكل

comparison_iscm = الآلية

comparison_kind = النوع

comparison_founded = سنة الإنشاء

comparison_structure_elements = الهياكل

comparison_secretariat = تدير الأمانة

comparison_strategy = الاستراتيجية

comparison_work_plan = خطة العمل

comparison_funding = التمويل

comparison_not_answered = لم تُجب

comparison_partners = الشراكات بين آليات التشاور والمنظمات الحكومية الدولية

comparison_partners_alt = مخطط شبكي: ترتبط كل آلية بآليات التشاور والمنظمات الحكومية الدولية التي ذكرتها شركاءَ لها.

comparison_partners_key = المربعات: آليات التشاور؛ الدوائر: المنظمات الحكومية الدولية. يربط خط كل آلية بكل شريك ذكرته.

comparison_partner_iscms = آليات التشاور الشريكة

comparison_partner_igos = المنظمات الحكومية الدولية الشريكة

summaries = موجزات النتائج لكل آلية تشاور

iscm_kinds =
    .rcp = إقليمية
    .irf = أقاليمية
    .global = عالمية

yes_no =
    .yes = نعم
    .no = لا
    .in_preparation = قيد الإعداد

## Accessibility

chart_alt_with_data = { $chart } { $data }.

chart_alt_row = { $label }: { $value }

chart_alt_row_values = { $label } ({ $values })

chart_alt_value = { $column }: { $value }

## Illustrative data

# إجابات وُضعت لعرض المنصة (إجابات الجولة التجريبية): ما يأخذه التقرير منها يحمل هذه العلامة
# التي يشرحها سطر وسيلة الإيضاح. العدد بعد النقطتين يغني عن مطابقة المعدود.
illustrative_marker = ◆

illustrative_legend = بيانات توضيحية (للعرض): ليست من إجابة حقيقية

illustrative_summary_note = يستند هذا الموجز إلى إجابات توضيحية وُضعت لعرض المنصة، وما أُخذ منها مُعلَّم بالعلامة { illustrative_marker } في جداوله ورسومه البيانية.

illustrative_compendium_note = { $n ->
       *[other] عدد الإجابات التوضيحية من بين الإجابات التي تستند إليها هذه المجموعة: { $count } من أصل { $total }، وقد وُضعت لعرض المنصة، وما أُخذ منها مُعلَّم بالعلامة { illustrative_marker } في جداولها ورسومها البيانية ومصفوفتها وشبكتها.
    }

illustrative_participation_note = { $n ->
       *[other] عدد الإجابات التوضيحية التي تشملها أرقام المشاركة الواردة أعلاه: { $count }.
    }

illustrative_left_out_note = { $n ->
       *[other] عدد الإجابات التوضيحية (للعرض) المستبعدة من هذا التقرير: { $count }.
    }

illustrative_column = منها توضيحية

# Under the chart of participation by region: the types of respondent it leaves out, having no
# region ($respondents: "22 ISCMs and 3 inter-governmental organizations")
participation_by_region_left_out = لا تظهر حسب المنطقة: { $respondents }، إذ لا يسجل الاستقصاء لها منطقة (وهي محسوبة حسب النوع أعلاه).

# The chart of participation by region when only States have a region
participation_states_by_region_title = الدول المجيبة حسب المنطقة

participation_states_by_region_alt = مخطط أعمدة لعدد الدول التي أجابت في كل منطقة.

# Title of the legend giving the full names of the ISCMs that head the thematic matrix's columns
comparison_abbreviations = المختصرات

# Ends the text alternative of a chart whose data are too many to read out in it (the network)
chart_alt_table_follows = ترد بياناته في الجدول التالي.

## No sentence twice: States that said the same thing, and lists already written out

state_benefits_shared = استفادت كلٌّ من { $States } من { $size ->
        [two] مشاركتهما
       *[other] مشاركتها
    } في { $iscm }، ولا سيما من { $benefits }.

state_benefits_shared_also = كما استفادت كلٌّ من { $States } من { $size ->
        [two] مشاركتهما
       *[other] مشاركتها
    }، ولا سيما من { $benefits }.

state_values_again_listed = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $values }، وهو ما يرد أيضًا في تلك القائمة.

state_values_again_unlisted = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $values }، { $n ->
        [one] وهو ما لا يرد
       *[other] وهي أمور لا ترد
    } في تلك القائمة.

state_values_again_partly_listed = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $listed }، وهو ما يرد أيضًا في تلك القائمة، ومن أجل { $unlisted }، { $n ->
        [one] وهو ما لا يرد
       *[other] وهي أمور لا ترد
    } فيها.

state_values_also_again_listed = كما { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } العملية من أجل { $values }، وهو ما يرد أيضًا في تلك القائمة.

state_values_also_again_unlisted = كما { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } العملية من أجل { $values }، { $n ->
        [one] وهو ما لا يرد
       *[other] وهي أمور لا ترد
    } في تلك القائمة.

state_values_also_again_partly_listed = كما { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } العملية من أجل { $listed }، وهو ما يرد أيضًا في تلك القائمة، ومن أجل { $unlisted }، { $n ->
        [one] وهو ما لا يرد
       *[other] وهي أمور لا ترد
    } فيها.

thematic_kept_added_said = في حين ظلت هذه المجالات من الأولويات المواضيعية { $iscm-of }، { $iscm-gender ->
        [masculine] بات يتناول
       *[other] باتت تتناول
    } أيضًا { $added }.

thematic_kept_evolution_said = في حين ظلت هذه المجالات من الأولويات المواضيعية { $iscm-of }، { $evolution }.

thematic_unchanged_said = ظل التركيز المواضيعي { $iscm-of } هو تركيز { $iscm-gender ->
        [masculine] ولايته
       *[other] ولايتها
    } الأصلية.

thematic_replaced_said = أما اليوم { $iscm-gender ->
        [masculine] فيتناول
       *[other] فتتناول
    } { $iscm } بدلًا من ذلك { $current }.

nothing_on_section =
    .programming = لم تُقدَّم أي معلومات بشأن البرمجة والتركيز المواضيعي { $iscm-of }.
    .contribution = لم تُقدَّم أي معلومات بشأن مساهمة { $iscm } في حوكمة الهجرة.
    .structures = لم تُقدَّم أي معلومات بشأن هياكل { $iscm }.
    .partnerships = لم تُقدَّم أي معلومات بشأن شراكات { $iscm }.
    .membership_value = لم تُقدَّم أي معلومات بشأن قيمة العضوية في { $iscm }.

state_values_listed_by = ومن بين مزايا العضوية التي { $iscm-gender ->
        [masculine] يذكرها
       *[other] تذكرها
    } { $iscm }، { $clauses }.

state_values_unlisted_by = وبخلاف مزايا العضوية التي { $iscm-gender ->
        [masculine] يذكرها
       *[other] تذكرها
    } { $iscm }، { $clauses }.

state_values_clause = { $State-gender ->
        [masculine] يُقدّر
       *[other] تُقدّر
    } { $State } العملية من أجل { $values }

state_values_clause_next = { $State } من أجل { $values }

state_values_unlisted_beyond = وخارج تلك القائمة، { $clauses }.

choices_membership_value_again =
    .global_initiatives = مواكبة المبادرات العالمية

# ما أفادت به دولة ثالثة (خامسة ...) بعد «كما استفادت» لدول أخرى
state_benefits_further = { $State-gender ->
        [masculine] وأشار
       *[other] وأشارت
    } { $State } بصورة خاصة إلى { $benefits }.
