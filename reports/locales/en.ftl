### The messages of the per-ISCM summaries and the compendium, in English.
###
### Every other language's catalogue (fr.ftl, es.ftl, ar.ftl) has the same message ids; a message
### it leaves out falls back to this one. Keep each message on one line: a line break inside a
### message would reach the PDF.
###
### Variables are the facts a sentence is built from: { $iscm } (the ISCM as it stands inside a
### sentence), { $Iscm } (the same opening a sentence), { $State }, { $States }, { $Subject },
### { $Igo } (who said or did something), lists of phrases ({ $values }, { $managers }) and
### answers ({ $quote }, { $clause }). Another language may also ask for:
###   { $iscm-gender } masculine, feminine or other (not known) of a name or list of names,
###   { $iscm-number } singular, plural or other,
###   { $iscm-of } and { $iscm-to } the field after the prepositions that contract with an
###   article, as that language's "of" and "to" messages write them ("du Processus de Khartoum").
### The gender, number and article of States and organisations are in names.<language>.ftl.

## Grammar

list_separator = ,{ " " }
# Used instead of list_separator when an item already contains the separator
long_list_separator = ;{ " " }
# How the last item joins a list ("a, b and c")
join_last = { $head } and { $last }

# A number in words where the language has a word for it ({ $count } is the number in digits)
number_in_words = { $n ->
        [0] no
        [1] one
        [2] two
        [3] three
        [4] four
        [5] five
        [6] six
        [7] seven
        [8] eight
        [9] nine
        [10] ten
        [11] eleven
        [12] twelve
        [13] thirteen
        [14] fourteen
        [15] fifteen
        [16] sixteen
        [17] seventeen
        [18] eighteen
        [19] nineteen
        [20] twenty
       *[other] { $count }
    }

month = { $month ->
        [1] Jan.
        [2] Feb.
        [3] Mar.
        [4] Apr.
        [5] May
        [6] June
        [7] July
        [8] Aug.
        [9] Sept.
        [10] Oct.
        [11] Nov.
       *[12] Dec.
    }
date = { $day } { $month } { $year }
date_range_same_month = { $day }-{ $end_day } { $month } { $year }
date_range = { $start } - { $end }

# The articles a title, a name or an answer may open with. An answer opening with one already
# carries its article; the attribute names are what the "of" and "to" messages of a language
# select on.
articles =
    .the = the
    .a = a
    .an = an
# A title given in an answer, inside a sentence, when it does not open with an article
with_article = the { $title }
# An answer used as a clause loses its capital when its first word is one of these (separated
# by spaces) ...
clause_openers = the a an its their our this these all some
# ... or ends like a gerund ("Providing access to ...")
gerund_suffixes = ing

quote = “{ $text }”

## Free-text answers quoted in the language they were given in

answer_language_note = Answers written by respondents are quoted in the language they were given in ({ $languages }).

language_names =
    .en = English
    .fr = French
    .es = Spanish
    .ar = Arabic

answer_topic = { $topic }: { $text }

answer_topics =
    .mandate = Mandate
    .work_plan_scope = Scope of the work plan
    .knowledge_management = Knowledge management
    .funding_description = Funding

edited_marker = Text edited by an analyst

## Title block and introduction

organisation = International Organization for Migration (IOM)

division = International Partnerships Division (IPD)

assessment = Assessment of Inter-State Consultation Mechanisms on Migration

summary_title = Summary of Findings per ISCM

iscm_name_label = Name of the Inter-state consultation mechanism (ISCM):

intro = As part of an assessment of inter-state consultation mechanisms on migration (ISCMs), a survey was conducted in { $year }. Carried out by IOM among ISCMs, their Member States and relevant inter-governmental organizations, the survey aimed to assess ISCMs' continued relevance and contribution to migration governance at all levels (national, regional and international) and the synergies among ISCMs and with other actors. The findings of this survey were presented at the global gathering of ISCMs in { $year } and were used to develop recommendations to enhance ISCMs' engagement in migration governance.
# The 2019 report is named by its published title; other languages render the title and quote it
# as they quote titles
intro_results = { $states } and { $iscms } and { $igos } provided answers to the questionnaires. The results are to be found in the { $year } assessment report: Advancing a common understanding of migration governance among regions, which provides an overview on ISCMs' organization, engagements, their continued relevance and synergies with relevant actors in the area of migration management. In addition to the report, the information below is meant to outline each individual ISCM's thematic priorities, structure, impact and relevance.

# { $count } is the number, in digits; the form follows the plural rules of the language
count_states = { $n ->
        [one] { $count } State
       *[other] { $count } States
    }

count_iscms = { $n ->
        [one] { $count } ISCM
       *[other] { $count } ISCMs
    }

count_igos = { $n ->
        [one] { $count } inter-governmental organization
       *[other] { $count } inter-governmental organizations
    }

## Section titles

titles =
    .programming = Evolution of programming and thematic focus
    .contribution = Contribution to migration governance at national, (inter)regional and global levels (with examples)
    .structures = Salient ISCM structures
    .partnerships = Partnership models by the ISCM
    .membership_value = Added value of Membership in the given ISCM for States and Organizations (with examples)

## When answers are missing

iscm_did_not_answer = { $Iscm } did not answer the questionnaire for ISCMs.

nothing_on_topic = No information on this topic was provided.

## 1. Programming

founding_mandate = As outlined in { $document }, { $iscm } { $mandate }.

mandate_only = { $Iscm } { $mandate }.

founding_document = The founding document of { $iscm } is { $document }.

document_of_year = { $document } of { $year }

document_adopted_at = { $document } adopted at { $event }

document_adopted_at_on = { $document } adopted at { $event }, on { $date }

document_adopted_on = { $document } adopted on { $date }

# The areas an ISCM gives as current include those "addressed only in some meetings or
# activities" (the question's hint): they are addressed, not necessarily priorities.
thematic_kept_added = While the originating focus on { $kept } has remained a thematic priority of { $iscm }, it now also addresses { $added }.

# { $evolution } is the ISCM's own account of how its focus evolved, as a clause
thematic_kept_evolution = While the originating focus on { $kept } has remained a thematic priority of { $iscm }, { $evolution }.

thematic_unchanged = The thematic focus of { $iscm } has remained that of its originating mandate: { $kept }.

thematic_replaced = The originating mandate of { $iscm } covered { $original }; today it addresses { $current }.

thematic_dropped = It no longer addresses { $dropped }.

thematic_current = { $Iscm } currently addresses { $current }.

thematic_original = The originating mandate of { $iscm } covered { $original }.

strategy_no = { $Iscm } does not have a formalized strategy.

strategy_yes = { $Iscm } has a formalized strategy.

strategy_yes_titled = { $Iscm } has a formalized strategy: { $title }.

strategy_in_preparation = { $Iscm } is preparing a formalized strategy.

guiding_document = The main document guiding the actions and priorities of { $iscm } is { $document }.

work_plan = The work of { $iscm } is implemented and monitored according to its work plan{ $period }{ $scope }.

work_plan_other_period = , which covers the following period: { $period }

work_plan_scope = , covering { $scope }

work_plan_none = { $Iscm } does not have a work plan.

monitors_one = The monitoring process is led by { $monitors }.

monitors_many = The monitoring process is led jointly by { $monitors }.

## 2. Contribution

national_level = National level: { $text }

interregional_level = Interregional level: { $text }

global_level = Global level: { $text }

national_means = { $Iscm } contributed to migration policy, legislation and practices in its Member States through { $means }.

national_outcomes_after_means = Moreover, it { $outcomes }.

national_outcomes = { $Iscm } { $outcomes }.

national_impact_state = { $State } reported on the impact at national level: { $quote }

## 3. Structures

structures = The structures of { $iscm } comprise { $elements }.

secretariat_of_kinds = a { $kinds } secretariat

secretariat_managed = The secretariat is managed by { $managers }{ $support }.

secretariat_managed_jointly = The secretariat is jointly managed by { $managers }{ $support }.

secretariat_support = { " " }with support from { $supporters }

secretariat_supported = The secretariat is supported by { $supporters }.

secretariat_functions_after = Its functions include { $functions }.

secretariat_functions = The functions of the secretariat include { $functions }.

governing_documents_one = The governing document of { $iscm } is { $documents }.

governing_documents_many = The governing documents of { $iscm } consist of { $documents }.

knowledge_management = Knowledge management is addressed by { $clause }.

communication = { $Iscm } provides { $frequency }updates on its work{ $channels }.

communication_channels = { " " }{ $channels }

communication_other_channel = through { $channel }

membership_unchanged = The membership of { $iscm } has not changed since its establishment.

membership_changed = Since its establishment, the constituency of { $iscm } has changed.

membership_joined_left = Since its establishment, the constituency of { $iscm } has changed: { $joined } joined the process and { $left } left it.

membership_joined = Since its establishment, the constituency of { $iscm } has changed: { $joined } joined the process.

membership_left = Since its establishment, the constituency of { $iscm } has changed: { $left } left the process.

funding_sources = { $Iscm } is funded through { $sources }.

funding_stability =
    .stable = The funding sources of { $iscm } are stable.
    .partly_stable = The funding sources of { $iscm } are partly stable.
    .unstable = The funding sources of { $iscm } are not stable.

## 4. Partnerships

partner_iscms = { $Iscm } works closely with { $partners }.

partner_igos = { $Iscm } cooperates with inter-governmental organizations (IGOs) such as { $igos }{ $roles }.

partner_igos_moreover = Moreover, { $iscm } cooperates with inter-governmental organizations (IGOs) such as { $igos }{ $roles }.

partner_igo_roles = , which { $roles }

igo_example_first = { $Igo }, for example, { $clause }.

igo_example = { $Igo } { $clause }.

reported = { $Subject } reported: { $quote }

civil_society = NGOs and CSOs are invited to { $activities }.

civil_society_none = NGOs and CSOs are not involved in the work of { $iscm }.

igos_referred = { $Count } of the inter-governmental organizations ({ $names }) surveyed referred to { $iscm } in their answers.

igos_referred_unnamed = { $Count } of the inter-governmental organizations surveyed referred to { $iscm } in their answers.

igos_referred_one = One of the inter-governmental organizations ({ $names }) surveyed referred to { $iscm } in its answers.

igos_referred_unnamed_one = One of the inter-governmental organizations surveyed referred to { $iscm } in its answers.

# All the IGOs that answered referred to the ISCM: $size is one, two or other (more), { $count }
# their number in words
igos_referred_all = { $size ->
        [one] The only inter-governmental organization surveyed ({ $names }) referred to { $iscm } in its answers.
        [two] Both inter-governmental organizations surveyed ({ $names }) referred to { $iscm } in their answers.
       *[other] All { $count } inter-governmental organizations surveyed ({ $names }) referred to { $iscm } in their answers.
    }

igos_referred_all_unnamed = { $size ->
        [one] The only inter-governmental organization surveyed referred to { $iscm } in its answers.
        [two] Both inter-governmental organizations surveyed referred to { $iscm } in their answers.
       *[other] All { $count } inter-governmental organizations surveyed referred to { $iscm } in their answers.
    }

igo_roles = { $igos } { $roles }.

# Roles the IGO plays besides those the ISCM already gave it
igo_roles_also = { $Igos } also { $roles }.

one_igo = One inter-governmental organization

another_igo = Another inter-governmental organization

## 5. Membership value

member_value = Member States value their membership in { $iscm } for { $values }.

member_value_further = Member States further value their membership in { $iscm } for { $values }.

states_referred = { $Count } of the Member States ({ $names }) surveyed referred to { $iscm } in their answers.

states_referred_unnamed = { $Count } of the Member States surveyed referred to { $iscm } in their answers.

states_referred_one = One of the Member States ({ $names }) surveyed referred to { $iscm } in its answers.

states_referred_unnamed_one = One of the Member States surveyed referred to { $iscm } in its answers.

# All the States that answered referred to the ISCM: $size is one, two or other (more),
# { $count } their number in words
states_referred_all = { $size ->
        [one] The only Member State surveyed ({ $names }) referred to { $iscm } in its answers.
        [two] Both Member States surveyed ({ $names }) referred to { $iscm } in their answers.
       *[other] All { $count } Member States surveyed ({ $names }) referred to { $iscm } in their answers.
    }

states_referred_all_unnamed = { $size ->
        [one] The only Member State surveyed referred to { $iscm } in its answers.
        [two] Both Member States surveyed referred to { $iscm } in their answers.
       *[other] All { $count } Member States surveyed referred to { $iscm } in their answers.
    }

no_state_referred = No Member State surveyed referred to { $iscm } in its answers.

member_states_counted = { $n ->
        [1] one Member State
       *[other] { $count } Member States
    }

funding_view_same = { $States } also described the funding of { $iscm } as { $view }.

funding_view_differs = However, { $states } described the funding of { $iscm } as { $view }.

funding_view_only = { $States } described the funding of { $iscm } as { $view }.

funding_views =
    .stable = stable
    .partly_stable = partly stable
    .unstable = not stable

state_benefits = { $State } benefited from its participation in { $iscm }, particularly from { $benefits }.

# A State's benefits after another State's (the participation is not named twice)
state_benefits_also = { $State } also benefited from its participation, particularly from { $benefits }.

state_values = { $State } values the process for { $values }.

state_values_also = It also values the process for { $values }.

# A State's values beside those the ISCM chose from the same list: all of them ("listed"),
# none ("unlisted"), or some ({ $listed }, then { $unlisted })
state_values_listed = { $State } values the process for { $values }, which { $iscm } also lists among the benefits of membership.

state_values_unlisted = { $State } values the process for { $values }, which { $iscm } does not list among the benefits of membership.

state_values_partly_listed = { $State } values the process for { $listed }, which { $iscm } also lists among the benefits of membership, and for { $unlisted }, which it does not.

state_values_also_listed = It also values the process for { $values }, which { $iscm } likewise lists among the benefits of membership.

state_values_also_unlisted = It also values the process for { $values }, which { $iscm } does not list among the benefits of membership.

state_values_also_partly_listed = It also values the process for { $listed }, which { $iscm } likewise lists among the benefits of membership, and for { $unlisted }, which it does not.

one_state = One Member State

another_state = Another Member State

## What a choice code reads like inside a sentence, one message per choice question and an
## attribute per code; a code missing here reads as its label.

choices_work_plan_monitors =
    .secretariat = the Secretariat
    .chair = the Chair
    .steering_committee = the Steering Committee
    .member_states = the Member States
    .external_evaluator = an external evaluator

choices_work_plan_period =
    .annual = , which is developed on an annual basis
    .biennial = , which is developed every two years
    .multi_year = , which covers several years

choices_national_means =
    .thematic_meetings = thematic meetings
    .fact_finding_missions = fact-finding missions
    .training = training programmes
    .research = research
    .technical_assistance = technical assistance

choices_national_outcomes =
    .capacity_building = built the capacity of Member States
    .exchange_of_practices = enabled an exchange of best practices

choices_structure_elements =
    .chair = a Chair
    .co_chairs = co-Chairs
    .troika = a troika
    .steering_committee = a steering committee
    .secretariat = a secretariat
    .working_groups = working groups
    .national_focal_points = national focal points

choices_secretariat_kind =
    .political = political
    .technical = technical

choices_secretariat_functions =
    .background_documents = preparing background documents
    .organising_meetings = organizing meetings
    .liaising_with_focal_points = liaising with national focal points
    .monitoring = monitoring
    .communication = communication
    .resource_mobilisation = mobilizing resources

choices_communication_channels =
    .email = via e-mail
    .meetings = at meetings
    .website = on its website
    .newsletter = through a newsletter
    .social_media = on social media
    .reports = through reports

choices_communication_frequency =
    .regular = regular{ " " }
    .occasional = occasional{ " " }
    .rare = infrequent{ " " }

choices_funding_sources =
    .member_state_contributions = contributions from Member States
    .regional_organisation = a regional organization
    .eu = the European Union
    .host_country = the host country
    .igo = inter-governmental organizations
    .donors = donors
    .project_funding = project funding

choices_igo_roles_plural =
    .technical_advice = provide technical advice
    .funding = provide funding
    .implementation = implement projects
    .secretariat_support = support the secretariat
    .steering_committee_membership = sit on the steering committee
    .observer = take part as observers

choices_igo_roles_singular =
    .technical_advice = provides technical advice
    .funding = provides funding
    .implementation = implements projects
    .secretariat_support = supports the secretariat
    .steering_committee_membership = sits on the steering committee
    .observer = takes part as an observer

choices_civil_society_engagement =
    .attend_meetings = attend meetings of the process
    .technical_inputs = provide technical inputs
    .implementation = take part in implementation

## Charts

chart_thematic_title = Thematic areas: originating mandate and areas addressed today

chart_thematic_alt = Chart of the thematic areas of { $iscm }, originally and now.

chart_thematic_area = Thematic area

chart_thematic_original = Originating mandate

chart_thematic_current = Addressed today

chart_yes = Yes

chart_no = No

chart_value_title = Value of membership as cited by Member States

chart_value_alt = Bar chart of how many Member States cited each value of membership.

chart_value_area = Value of membership

chart_value_count = Number of Member States

chart_meetings_title = Meetings held per year, by level

chart_meetings_alt = Stacked bar chart of the meetings of { $iscm } per year, by level.

chart_meetings_year = Year

chart_meetings_count = Number of meetings

chart_meetings_total = Total

chart_meetings_unspecified = Level not given

chart_data_caption = Data of the chart

## Annex and page furniture

annex = Annex

annex_meetings = Meetings held

annex_meeting_date = Date

annex_meeting_place = Place

annex_meeting_level = Level

annex_meeting_title = Meeting

annex_meeting_host = Host and chair

annex_meeting_host_value = Host: { $host }

annex_meeting_chair_value = Chair: { $chair }

annex_respondents = States and inter-governmental organizations that answered about the ISCM

annex_respondent = Respondent

annex_respondent_type = Type

annex_respondent_role = Role in the ISCM

annex_sources = Sources

annex_source_organisation = Respondent

annex_source_type = Questionnaire

annex_source_submitted = Submitted on

annex_source_version = Version

annex_round = Survey round: { $name }{ $year }. Summary generated on { $date }.

respondent_types =
    .state = State
    .iscm = ISCM
    .igo = Inter-governmental organization

page = Page

page_of = of

## The compendium for the global gathering

compendium_title = Compendium of the Summaries of Findings per ISCM

compendium_subtitle = Prepared for the global gathering of ISCMs

# On the cover: how many ISCMs answered ($answered, whose $answered-number, singular or plural,
# a verb may agree with) of the $invited that were invited
compendium_iscms_answered_of_invited = { $answered } of the { $invited } ISCMs invited answered the questionnaire
# On the cover when how many were invited is not known: "22 ISCMs answered the questionnaire"
compendium_iscms_answered = { $iscms } answered the questionnaire

contents = Contents

participation = Participation in the survey

participation_intro = { $states } and { $iscms } and { $igos } provided answers to the questionnaires of the round { $round }.

participation_by_type_title = Respondents by type

participation_by_type_alt = Bar chart of the respondents that answered, by type.

participation_by_region_title = Respondents by region and type

participation_by_region_alt = Bar chart of the respondents that answered, by region and type.

participation_type = Type of respondent

participation_region = Region

participation_answered = Answered

participation_invited = Invited

participation_rate = Response rate

participation_total = Total

region_unspecified = Region not given

comparisons = Comparisons across ISCMs

comparison_thematic = Thematic areas of each ISCM

comparison_thematic_key = ● addressed today; ○ in the originating mandate only; an empty cell: not covered.

comparison_thematic_current = addressed today

comparison_thematic_original = originating mandate only

comparison_structures = Structures side by side

comparison_iscm = ISCM

comparison_kind = Kind

comparison_founded = Founded

comparison_structure_elements = Structures

comparison_secretariat = Secretariat managed by

comparison_strategy = Strategy

comparison_work_plan = Work plan

comparison_funding = Funding

comparison_not_answered = did not answer

comparison_partners = Partnerships among ISCMs and inter-governmental organizations

comparison_partners_alt = Network diagram: each ISCM is linked to the ISCMs and inter-governmental organizations it named as partners.

comparison_partners_key = Squares: ISCMs; circles: inter-governmental organizations. A line joins an ISCM to each partner it named.

comparison_partner_iscms = Partner ISCMs

comparison_partner_igos = Partner inter-governmental organizations

summaries = Summaries of findings per ISCM

iscm_kinds =
    .rcp = Regional
    .irf = Interregional
    .global = Global

yes_no =
    .yes = Yes
    .no = No
    .in_preparation = In preparation

## Accessibility

# A chart's text alternative: its description ($chart, a sentence), then the numbers it shows
# ($data: its rows, separated by long_list_separator)
chart_alt_with_data = { $chart } { $data }.

# One row of a chart's numbers with a single value: "Capacity-building: 2"
chart_alt_row = { $label }: { $value }

# One row of a chart's numbers with several values ($values: chart_alt_value, separated by
# list_separator): "2017 (Ministerial: 1, Total: 1)"
chart_alt_row_values = { $label } ({ $values })

chart_alt_value = { $column }: { $value }

## Illustrative data

# Answers made up to demonstrate the platform (the demo round's) are not from a real response:
# what a report draws from them carries this mark, explained by the legend line
illustrative_marker = ◆

illustrative_legend = Illustrative data (demo): not from a real response

# Note at the head of a summary that draws on illustrative answers
illustrative_summary_note = This summary draws on illustrative answers, made up to demonstrate the platform; what comes from them is marked { illustrative_marker } in its tables and charts.

# Note on the compendium's cover: $count of the $total responses it draws on are illustrative
illustrative_compendium_note = { $n ->
        [one] One of the { $total } responses this compendium draws on is illustrative, made up to demonstrate the platform; what comes from it is marked { illustrative_marker } in its tables, charts, matrix and network.
       *[other] { $count } of the { $total } responses this compendium draws on are illustrative, made up to demonstrate the platform; what comes from them is marked { illustrative_marker } in its tables, charts, matrix and network.
    }

# Under a summary's introduction: the participation figures it gives count $count illustrative
# responses
illustrative_participation_note = { $n ->
        [one] The participation figures above count one illustrative response.
       *[other] The participation figures above count { $count } illustrative responses.
    }

# A summary or compendium built without illustrative answers: $count responses left out
illustrative_left_out_note = { $n ->
        [one] One illustrative (demo) response is left out of this report.
       *[other] { $count } illustrative (demo) responses are left out of this report.
    }

# Column of the participation tables: how many of those who answered gave illustrative answers
illustrative_column = Of which illustrative

# Under the chart of participation by region: the types of respondent it leaves out, having no
# region ($respondents: "22 ISCMs and 3 inter-governmental organizations")
participation_by_region_left_out = Not shown by region: { $respondents }, for which the survey records no region (they are counted by type above).

# The chart of participation by region when only States have a region
participation_states_by_region_title = States that answered, by region

participation_states_by_region_alt = Bar chart of how many States answered in each region.

# Title of the legend giving the full names of the ISCMs that head the thematic matrix's columns
comparison_abbreviations = Abbreviations

# Ends the text alternative of a chart whose data are too many to read out in it (the network)
chart_alt_table_follows = Its data are in the table that follows.

## No sentence twice: States that said the same thing, and lists already written out

# Two or more States whose benefits are the same answer ($States: their names; $size: "two" or
# "other")
state_benefits_shared = { $States } { $size ->
        [two] both
       *[other] all
    } benefited from their participation in { $iscm }, particularly from { $benefits }.

state_benefits_shared_also = { $States } { $size ->
        [two] also both
       *[other] also all
    } benefited from their participation, particularly from { $benefits }.

# A State's values beside the ISCM's list once the section has already said what that list is
# ($n: how many values are not on it)
state_values_again_listed = { $State } values the process for { $values }, on that list too.

state_values_again_unlisted = { $State } values the process for { $values }, which { $n ->
        [one] is
       *[other] are
    } not on that list.

state_values_again_partly_listed = { $State } values the process for { $listed }, on that list too, and for { $unlisted }, which { $n ->
        [one] is
       *[other] are
    } not.

state_values_also_again_listed = It also values the process for { $values }, on that list too.

state_values_also_again_unlisted = It also values the process for { $values }, which { $n ->
        [one] is
       *[other] are
    } not on that list.

state_values_also_again_partly_listed = It also values the process for { $listed }, on that list too, and for { $unlisted }, which { $n ->
        [one] is
       *[other] are
    } not.

# The thematic areas when the mandate, just before, has already listed the original ones
thematic_kept_added_said = While these areas have remained thematic priorities of { $iscm }, it now also addresses { $added }.

thematic_kept_evolution_said = While these areas have remained thematic priorities of { $iscm }, { $evolution }.

thematic_unchanged_said = The thematic focus of { $iscm } has remained that of its originating mandate.

thematic_replaced_said = Today { $iscm } addresses { $current } instead.

# A section with nothing answered, naming what it is about
nothing_on_section =
    .programming = No information was provided on the programming and thematic focus of { $iscm }.
    .contribution = No information was provided on the contribution of { $iscm } to migration governance.
    .structures = No information was provided on the structures of { $iscm }.
    .partnerships = No information was provided on the partnerships of { $iscm }.
    .membership_value = No information was provided on the value of membership in { $iscm }.

# The values the States chose, set beside the ISCM's own list once for all of them: each value
# is said once, with the States that chose it ($clauses: "Chad and Mali value the process for
# networking and Niger for trust-building")
state_values_listed_by = Of the benefits of membership that { $iscm } lists, { $clauses }.

state_values_unlisted_by = Beyond the benefits of membership that { $iscm } lists, { $clauses }.

state_values_clause = { $State } { $State-number ->
        [plural] value
       *[other] values
    } the process for { $values }

# The clauses after the first, whose verb the first says
state_values_clause_next = { $State } for { $values }

# The values off the ISCM's list, just after those on it
state_values_unlisted_beyond = Beyond that list, { $clauses }.

# A value the ISCM's list has just named in full, named again beside the States that chose it
choices_membership_value_again =
    .global_initiatives = being updated on global initiatives

# a third (fifth ...) State's benefits, after others' "also benefited" (the wording alternates)
state_benefits_further = { $State } pointed above all to { $benefits }.
