### Les messages des synthèses par MCIM et du recueil, en français (registre formel, comme dans
### les publications de l'OIM).
###
### The message ids, attributes and variables are those of en.ftl, which documents them; a message
### left out here falls back to English. { $iscm-of } and { $iscm-to } are the field after "de" and "à",
### contracted with its article by the "of" and "to" messages below; { $State-number } and
### { $State-gender } let a verb or a pronoun agree with the name (names.fr.ftl).

## Grammaire

list_separator = ,{ " " }
long_list_separator = { "\u00A0" };{ " " }
join_last = { $head } et { $last }

number_in_words = { $n ->
        [0] aucun
        [1] un
        [2] deux
        [3] trois
        [4] quatre
        [5] cinq
        [6] six
        [7] sept
        [8] huit
        [9] neuf
        [10] dix
        [11] onze
        [12] douze
        [13] treize
        [14] quatorze
        [15] quinze
        [16] seize
        [17] dix-sept
        [18] dix-huit
        [19] dix-neuf
        [20] vingt
       *[other] { $count }
    }

month = { $month ->
        [1] janv.
        [2] févr.
        [3] mars
        [4] avr.
        [5] mai
        [6] juin
        [7] juil.
        [8] août
        [9] sept.
        [10] oct.
        [11] nov.
       *[12] déc.
    }
date = { $day } { $month } { $year }
date_range_same_month = { $day }-{ $end_day } { $month } { $year }
date_range = { $start } - { $end }

# Les articles par lesquels un titre, un nom ou une réponse peut commencer ; "of" et "to"
# choisissent selon leur nom (le, les ...).
articles =
    .le = le
    .la = la
    .les = les
    .elided = l'
    .un = un
    .une = une
# L'article dépend du genre du nom, qu'une réponse n'indique pas : les titres sont cités.
with_article = « { $title } »
clause_openers = le la les son sa ses leur leurs ce cette certaines certains
gerund_suffixes = ant

quote = « { $text } »

# "de" et "à" devant un champ ({ $text }), contractés avec son article ({ $article }, { $name }
# le nom sans l'article) : "du Processus de Khartoum", "des Pays-Bas", "au Soudan".
of = { $article ->
        [le] du { $name }
        [les] des { $name }
       *[other] de { $text }
    }
to = { $article ->
        [le] au { $name }
        [les] aux { $name }
       *[other] à { $text }
    }

## Réponses citées dans la langue où elles ont été données

answer_language_note = Les réponses rédigées par les répondants sont citées dans la langue dans laquelle elles ont été données ({ $languages }).

language_names =
    .en = anglais
    .fr = français
    .es = espagnol
    .ar = arabe

answer_topic = { $topic } : { $text }

answer_topics =
    .mandate = Mandat
    .work_plan_scope = Portée du plan de travail
    .knowledge_management = Gestion des connaissances
    .funding_description = Financement

edited_marker = Texte révisé par un analyste

## Title block and introduction

organisation = Organisation internationale pour les migrations (OIM)

division = Division des partenariats internationaux (IPD)

assessment = Évaluation des mécanismes de consultation inter-États sur la migration

summary_title = Synthèse des conclusions par MCIM

iscm_name_label = Nom du mécanisme de consultation inter-États sur la migration (MCIM) :

intro = Dans le cadre d'une évaluation des mécanismes de consultation inter-États sur la migration (MCIM), une enquête a été menée en { $year }. Réalisée par l'OIM auprès des MCIM, de leurs États membres et des organisations intergouvernementales concernées, l'enquête visait à évaluer la pertinence des MCIM et leur contribution à la gouvernance des migrations à tous les niveaux (national, régional et international), ainsi que les synergies entre les MCIM et avec d'autres acteurs. Les conclusions de cette enquête ont été présentées lors de la réunion mondiale des MCIM en { $year } et ont servi à formuler des recommandations visant à renforcer l'engagement des MCIM dans la gouvernance des migrations.
intro_results = { $states }, { $iscms } et { $igos } ont répondu aux questionnaires. Les résultats figurent dans le rapport d'évaluation de { $year }, « Faire progresser une compréhension commune de la gouvernance des migrations entre les régions », qui donne un aperçu de l'organisation des MCIM, de leurs activités, de leur pertinence et de leurs synergies avec les acteurs concernés dans le domaine de la gestion des migrations. En complément du rapport, les informations ci-dessous présentent les priorités thématiques, la structure, l'impact et la pertinence de chaque MCIM.

count_states = { $n ->
        [one] { $count } État
       *[other] { $count } États
    }

count_iscms = { $n ->
        [one] { $count } MCIM
       *[other] { $count } MCIM
    }

count_igos = { $n ->
        [one] { $count } organisation intergouvernementale
       *[other] { $count } organisations intergouvernementales
    }

## Section titles

titles =
    .programming = Évolution de la programmation et de l'orientation thématique
    .contribution = Contribution à la gouvernance des migrations aux niveaux national, (inter)régional et mondial (avec exemples)
    .structures = Principales structures du MCIM
    .partnerships = Modèles de partenariat du MCIM
    .membership_value = Valeur ajoutée de l'appartenance au MCIM pour les États et les organisations (avec exemples)

## When answers are missing

iscm_did_not_answer = { $Iscm } { $iscm-number ->
        [plural] n'ont
       *[other] n'a
    } pas répondu au questionnaire destiné aux MCIM.

nothing_on_topic = Aucune information n'a été communiquée sur ce sujet.

## 1. Programming

founding_mandate = Comme le prévoit le document { $document }, { $iscm } { $mandate }.

mandate_only = { $Iscm } { $mandate }.

founding_document = Le document fondateur { $iscm-of } est { $document }.

document_of_year = { $document } de { $year }

document_adopted_at = { $document }, adopté lors { $event-of }

document_adopted_at_on = { $document }, adopté lors { $event-of }, le { $date }

document_adopted_on = { $document }, adopté le { $date }

thematic_kept_added = Si l'orientation initiale ({ $kept }) demeure une priorité thématique { $iscm-of }, { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] elles abordent
           *[other] ils abordent
        }
       *[other] { $iscm-gender ->
            [feminine] elle aborde
           *[other] il aborde
        }
    } désormais aussi d'autres domaines : { $added }.

thematic_kept_evolution = Si l'orientation initiale ({ $kept }) demeure une priorité thématique { $iscm-of }, { $evolution }.

thematic_unchanged = L'orientation thématique { $iscm-of } demeure celle de { $iscm-number ->
        [plural] leur
       *[other] son
    } mandat initial : { $kept }.

thematic_replaced = Le mandat initial { $iscm-of } portait sur { $original } ; aujourd'hui, { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] elles abordent
           *[other] ils abordent
        }
       *[other] { $iscm-gender ->
            [feminine] elle aborde
           *[other] il aborde
        }
    } les domaines suivants : { $current }.

thematic_dropped = { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] Elles n'abordent
           *[other] Ils n'abordent
        }
       *[other] { $iscm-gender ->
            [feminine] Elle n'aborde
           *[other] Il n'aborde
        }
    } plus les domaines suivants : { $dropped }.

thematic_current = { $Iscm } { $iscm-number ->
        [plural] abordent
       *[other] aborde
    } actuellement les domaines thématiques suivants : { $current }.

thematic_original = Le mandat initial { $iscm-of } portait sur { $original }.

strategy_no = { $Iscm } ne { $iscm-number ->
        [plural] disposent
       *[other] dispose
    } pas d'une stratégie formalisée.

strategy_yes = { $Iscm } { $iscm-number ->
        [plural] disposent
       *[other] dispose
    } d'une stratégie formalisée.

strategy_yes_titled = { $Iscm } { $iscm-number ->
        [plural] disposent
       *[other] dispose
    } d'une stratégie formalisée : { $title }.

strategy_in_preparation = { $Iscm } { $iscm-number ->
        [plural] élaborent
       *[other] élabore
    } actuellement une stratégie formalisée.

guiding_document = Le principal document qui oriente les actions et les priorités { $iscm-of } est le document { $document }.

work_plan = Les travaux { $iscm-of } sont mis en œuvre et suivis conformément à { $iscm-number ->
        [plural] leur
       *[other] son
    } plan de travail{ $period }{ $scope }.

work_plan_other_period = , qui couvre la période suivante : { $period }

work_plan_scope = , couvrant { $scope }

work_plan_none = { $Iscm } ne { $iscm-number ->
        [plural] disposent
       *[other] dispose
    } pas d'un plan de travail.

monitors_one = Le suivi est assuré par { $monitors }.

monitors_many = Le suivi est assuré conjointement par { $monitors }.

## 2. Contribution

national_level = Niveau national : { $text }

interregional_level = Niveau interrégional : { $text }

global_level = Niveau mondial : { $text }

national_means = { $Iscm } { $iscm-number ->
        [plural] ont
       *[other] a
    } contribué aux politiques, à la législation et aux pratiques migratoires de { $iscm-number ->
        [plural] leurs
       *[other] ses
    } États membres au moyen { $means-of }.

national_outcomes_after_means = En outre, { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] elles ont
           *[other] ils ont
        }
       *[other] { $iscm-gender ->
            [feminine] elle a
           *[other] il a
        }
    } { $outcomes }.

national_outcomes = { $Iscm } { $iscm-number ->
        [plural] ont
       *[other] a
    } { $outcomes }.

national_impact_state = { $State } { $State-number ->
        [plural] ont
       *[other] a
    } fait état de l'impact au niveau national : { $quote }

## 3. Structures

structures = Les structures { $iscm-of } comprennent { $elements }.

secretariat_of_kinds = un secrétariat { $kinds }

secretariat_managed = Le secrétariat est géré par { $managers }{ $support }.

secretariat_managed_jointly = Le secrétariat est géré conjointement par { $managers }{ $support }.

secretariat_support = { " " }avec l'appui { $supporters-of }

secretariat_supported = Le secrétariat bénéficie de l'appui { $supporters-of }.

secretariat_functions_after = Ses fonctions comprennent { $functions }.

secretariat_functions = Les fonctions du secrétariat comprennent { $functions }.

governing_documents_one = Le document de gouvernance { $iscm-of } est { $documents }.

governing_documents_many = Les documents de gouvernance { $iscm-of } sont { $documents }.

knowledge_management = La gestion des connaissances est assurée en { $clause }.

communication = { $Iscm } { $iscm-number ->
        [plural] rendent
       *[other] rend
    } compte { $frequency }de { $iscm-number ->
        [plural] leurs
       *[other] ses
    } travaux{ $channels }.

communication_channels = { " " }{ $channels }

communication_other_channel = par { $channel }

membership_unchanged = La composition { $iscm-of } n'a pas changé depuis { $iscm-number ->
        [plural] leur
       *[other] sa
    } création.

membership_changed = Depuis { $iscm-number ->
        [plural] leur
       *[other] sa
    } création, la composition { $iscm-of } a changé.

membership_joined_left = Depuis { $iscm-number ->
        [plural] leur
       *[other] sa
    } création, la composition { $iscm-of } a changé : { $joined } { $joined-number ->
        [plural] ont
       *[other] a
    } rejoint le processus et { $left } { $left-number ->
        [plural] l'ont
       *[other] l'a
    } quitté.

membership_joined = Depuis { $iscm-number ->
        [plural] leur
       *[other] sa
    } création, la composition { $iscm-of } a changé : { $joined } { $joined-number ->
        [plural] ont
       *[other] a
    } rejoint le processus.

membership_left = Depuis { $iscm-number ->
        [plural] leur
       *[other] sa
    } création, la composition { $iscm-of } a changé : { $left } { $left-number ->
        [plural] ont
       *[other] a
    } quitté le processus.

funding_sources = { $Iscm } { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] sont financées
           *[other] sont financés
        }
       *[other] { $iscm-gender ->
            [feminine] est financée
           *[other] est financé
        }
    } par { $sources }.

funding_stability =
    .stable = Les sources de financement { $iscm-of } sont stables.
    .partly_stable = Les sources de financement { $iscm-of } sont partiellement stables.
    .unstable = Les sources de financement { $iscm-of } ne sont pas stables.

## 4. Partnerships

partner_iscms = { $Iscm } { $iscm-number ->
        [plural] travaillent
       *[other] travaille
    } en étroite collaboration avec { $partners }.

partner_igos = { $Iscm } { $iscm-number ->
        [plural] coopèrent
       *[other] coopère
    } avec des organisations intergouvernementales (OIG) telles que { $igos }{ $roles }.

partner_igos_moreover = En outre, { $iscm } { $iscm-number ->
        [plural] coopèrent
       *[other] coopère
    } avec des organisations intergouvernementales (OIG) telles que { $igos }{ $roles }.

partner_igo_roles = , qui { $roles }

igo_example_first = { $Igo }, par exemple, { $clause }.

igo_example = { $Igo } { $clause }.

reported = { $Subject } { $Subject-number ->
        [plural] ont
       *[other] a
    } indiqué : { $quote }

civil_society = Les ONG et les OSC sont invitées { $activities }.

civil_society_none = Les ONG et les OSC ne participent pas aux travaux { $iscm-of }.

igos_referred = { $Count } des organisations intergouvernementales interrogées ({ $names }) ont fait référence { $iscm-to } dans leurs réponses.

igos_referred_unnamed = { $Count } des organisations intergouvernementales interrogées ont fait référence { $iscm-to } dans leurs réponses.

igos_referred_one = Une des organisations intergouvernementales interrogées ({ $names }) a fait référence { $iscm-to } dans ses réponses.

igos_referred_unnamed_one = Une des organisations intergouvernementales interrogées a fait référence { $iscm-to } dans ses réponses.

igos_referred_all = { $size ->
        [one] La seule organisation intergouvernementale interrogée ({ $names }) a fait référence { $iscm-to } dans ses réponses.
        [two] Les deux organisations intergouvernementales interrogées ({ $names }) ont toutes deux fait référence { $iscm-to } dans leurs réponses.
       *[other] Les { $count } organisations intergouvernementales interrogées ({ $names }) ont toutes fait référence { $iscm-to } dans leurs réponses.
    }

igos_referred_all_unnamed = { $size ->
        [one] La seule organisation intergouvernementale interrogée a fait référence { $iscm-to } dans ses réponses.
        [two] Les deux organisations intergouvernementales interrogées ont toutes deux fait référence { $iscm-to } dans leurs réponses.
       *[other] Les { $count } organisations intergouvernementales interrogées ont toutes fait référence { $iscm-to } dans leurs réponses.
    }

igo_roles = { $igos } { $roles }.

igo_roles_also = En outre, { $igos } { $roles }.

one_igo = Une organisation intergouvernementale
    .gender = feminine
    .number = singular

another_igo = Une autre organisation intergouvernementale
    .gender = feminine
    .number = singular

## 5. Membership value

member_value = Les États membres apprécient leur appartenance { $iscm-to } pour { $values }.

member_value_further = Les États membres apprécient en outre leur appartenance { $iscm-to } pour { $values }.

states_referred = { $Count } des États membres interrogés ({ $names }) ont fait référence { $iscm-to } dans leurs réponses.

states_referred_unnamed = { $Count } des États membres interrogés ont fait référence { $iscm-to } dans leurs réponses.

states_referred_one = Un des États membres interrogés ({ $names }) a fait référence { $iscm-to } dans ses réponses.

states_referred_unnamed_one = Un des États membres interrogés a fait référence { $iscm-to } dans ses réponses.

states_referred_all = { $size ->
        [one] Le seul État membre interrogé ({ $names }) a fait référence { $iscm-to } dans ses réponses.
        [two] Les deux États membres interrogés ({ $names }) ont tous deux fait référence { $iscm-to } dans leurs réponses.
       *[other] Les { $count } États membres interrogés ({ $names }) ont tous fait référence { $iscm-to } dans leurs réponses.
    }

states_referred_all_unnamed = { $size ->
        [one] Le seul État membre interrogé a fait référence { $iscm-to } dans ses réponses.
        [two] Les deux États membres interrogés ont tous deux fait référence { $iscm-to } dans leurs réponses.
       *[other] Les { $count } États membres interrogés ont tous fait référence { $iscm-to } dans leurs réponses.
    }

no_state_referred = Aucun État membre interrogé n'a fait référence { $iscm-to } dans ses réponses.

member_states_counted = { $n ->
        [1] un État membre
       *[other] { $count } États membres
    }

funding_view_same = { $States } { $States-number ->
        [plural] ont
       *[other] a
    } également qualifié le financement { $iscm-of } de { $view }.

funding_view_differs = Toutefois, { $states } { $states-number ->
        [plural] ont
       *[other] a
    } qualifié le financement { $iscm-of } de { $view }.

funding_view_only = { $States } { $States-number ->
        [plural] ont
       *[other] a
    } qualifié le financement { $iscm-of } de { $view }.

funding_views =
    .stable = stable
    .partly_stable = partiellement stable
    .unstable = instable

state_benefits = { $State } { $State-number ->
        [plural] ont tiré profit de leur
       *[other] a tiré profit de sa
    } participation { $iscm-to }, en particulier { $benefits-of }.

state_benefits_also = { $State } { $State-number ->
        [plural] ont également tiré profit de leur
       *[other] a également tiré profit de sa
    } participation, en particulier { $benefits-of }.

state_values = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $values }.

state_values_also = { $State-number ->
        [plural] { $State-gender ->
            [feminine] Elles apprécient
           *[other] Ils apprécient
        }
       *[other] { $State-gender ->
            [feminine] Elle apprécie
           *[other] Il apprécie
        }
    } également le processus pour { $values }.

state_values_listed = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $values }, que { $iscm } { $iscm-number ->
        [plural] comptent
       *[other] compte
    } également parmi les avantages de l'appartenance.

state_values_unlisted = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $values }, que { $iscm } ne { $iscm-number ->
        [plural] comptent
       *[other] compte
    } pas parmi les avantages de l'appartenance.

state_values_partly_listed = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $listed }, que { $iscm } { $iscm-number ->
        [plural] comptent
       *[other] compte
    } également parmi les avantages de l'appartenance, et pour { $unlisted }, { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] qu'elles ne mentionnent
           *[other] qu'ils ne mentionnent
        }
       *[other] { $iscm-gender ->
            [feminine] qu'elle ne mentionne
           *[other] qu'il ne mentionne
        }
    } pas.

state_values_also_listed = { $State-number ->
        [plural] { $State-gender ->
            [feminine] Elles apprécient
           *[other] Ils apprécient
        }
       *[other] { $State-gender ->
            [feminine] Elle apprécie
           *[other] Il apprécie
        }
    } également le processus pour { $values }, que { $iscm } { $iscm-number ->
        [plural] comptent
       *[other] compte
    } de même parmi les avantages de l'appartenance.

state_values_also_unlisted = { $State-number ->
        [plural] { $State-gender ->
            [feminine] Elles apprécient
           *[other] Ils apprécient
        }
       *[other] { $State-gender ->
            [feminine] Elle apprécie
           *[other] Il apprécie
        }
    } également le processus pour { $values }, que { $iscm } ne { $iscm-number ->
        [plural] comptent
       *[other] compte
    } pas parmi les avantages de l'appartenance.

state_values_also_partly_listed = { $State-number ->
        [plural] { $State-gender ->
            [feminine] Elles apprécient
           *[other] Ils apprécient
        }
       *[other] { $State-gender ->
            [feminine] Elle apprécie
           *[other] Il apprécie
        }
    } également le processus pour { $listed }, que { $iscm } { $iscm-number ->
        [plural] comptent
       *[other] compte
    } de même parmi les avantages de l'appartenance, et pour { $unlisted }, { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] qu'elles ne mentionnent
           *[other] qu'ils ne mentionnent
        }
       *[other] { $iscm-gender ->
            [feminine] qu'elle ne mentionne
           *[other] qu'il ne mentionne
        }
    } pas.

one_state = Un État membre
    .gender = masculine
    .number = singular

another_state = Un autre État membre
    .gender = masculine
    .number = singular

choices_membership_value =
    .exchange_of_practices = l'échange de bonnes pratiques
    .trust_building = l'instauration de la confiance
    .networking = la constitution de réseaux
    .capacity_building = le renforcement des capacités
    .policy_coordination = la coordination des politiques
    .access_to_stakeholders = l'accès aux parties prenantes
    .technical_advice = les conseils techniques
    .knowledge_sharing = le partage des connaissances
    .emerging_issues = le maintien d'un dialogue sur les questions nouvelles
    .global_initiatives = le suivi des initiatives mondiales sur la migration
    .partnerships = le développement de partenariats
    .projects_and_funding = l'accès aux projets et aux financements

choices_work_plan_monitors =
    .secretariat = le Secrétariat
    .chair = la Présidence
    .steering_committee = le Comité de pilotage
    .member_states = les États membres
    .external_evaluator = un évaluateur externe

choices_work_plan_period =
    .annual = { " " }annuel
    .biennial = { " " }biennal
    .multi_year = { " " }pluriannuel

choices_national_means =
    .thematic_meetings = réunions thématiques
    .fact_finding_missions = missions d'enquête
    .training = programmes de formation
    .research = travaux de recherche
    .technical_assistance = l'assistance technique

choices_national_outcomes =
    .capacity_building = renforcé les capacités des États membres
    .exchange_of_practices = permis un échange de bonnes pratiques

choices_structure_elements =
    .chair = une Présidence
    .co_chairs = une coprésidence
    .troika = une troïka
    .steering_committee = un comité de pilotage
    .secretariat = un secrétariat
    .working_groups = des groupes de travail
    .national_focal_points = des points focaux nationaux

choices_secretariat_kind =
    .political = politique
    .technical = technique

choices_secretariat_functions =
    .background_documents = l'élaboration de documents de référence
    .organising_meetings = l'organisation des réunions
    .liaising_with_focal_points = la liaison avec les points focaux nationaux
    .monitoring = le suivi
    .communication = la communication
    .resource_mobilisation = la mobilisation de ressources

choices_communication_channels =
    .email = par courrier électronique
    .meetings = lors des réunions
    .website = sur { $iscm-number ->
            [plural] leur
           *[other] son
        } site Web
    .newsletter = au moyen d'un bulletin d'information
    .social_media = sur les réseaux sociaux
    .reports = au moyen de rapports

choices_communication_frequency =
    .regular = régulièrement{ " " }
    .occasional = occasionnellement{ " " }
    .rare = rarement{ " " }

choices_funding_sources =
    .member_state_contributions = des contributions des États membres
    .regional_organisation = une organisation régionale
    .eu = l'Union européenne
    .host_country = le pays hôte
    .igo = des organisations intergouvernementales
    .donors = des donateurs
    .project_funding = des financements de projets

choices_igo_roles_plural =
    .technical_advice = fournissent des conseils techniques
    .funding = apportent un financement
    .implementation = mettent en œuvre des projets
    .secretariat_support = appuient le secrétariat
    .steering_committee_membership = siègent au comité de pilotage
    .observer = participent en qualité d'observateurs

choices_igo_roles_singular =
    .technical_advice = fournit des conseils techniques
    .funding = apporte un financement
    .implementation = met en œuvre des projets
    .secretariat_support = appuie le secrétariat
    .steering_committee_membership = siège au comité de pilotage
    .observer = participe en qualité d'observateur

choices_civil_society_engagement =
    .attend_meetings = à assister aux réunions du processus
    .technical_inputs = à apporter des contributions techniques
    .implementation = à participer à la mise en œuvre

## Charts

chart_thematic_title = Domaines thématiques : mandat initial et domaines abordés aujourd'hui

chart_thematic_alt = Graphique des domaines thématiques { $iscm-of }, à l'origine et aujourd'hui.

chart_thematic_area = Domaine thématique

chart_thematic_original = Mandat initial

chart_thematic_current = Abordés aujourd'hui

chart_yes = Oui

chart_no = Non

chart_value_title = Valeur de l'appartenance citée par les États membres

chart_value_alt = Diagramme à barres du nombre d'États membres ayant cité chaque valeur de l'appartenance.

chart_value_area = Valeur de l'appartenance

chart_value_count = Nombre d'États membres

chart_meetings_title = Réunions tenues par année, par niveau

chart_meetings_alt = Diagramme à barres empilées des réunions { $iscm-of } par année et niveau.

chart_meetings_year = Année

chart_meetings_count = Nombre de réunions

chart_meetings_total = Total

chart_meetings_unspecified = Niveau non précisé

chart_data_caption = Données du graphique

## Annex and page furniture

annex = Annexe

annex_meetings = Réunions tenues

annex_meeting_date = Date

annex_meeting_place = Lieu

annex_meeting_level = Niveau

annex_meeting_title = Réunion

annex_meeting_host = Hôte et présidence

annex_meeting_host_value = Hôte : { $host }

annex_meeting_chair_value = Présidence : { $chair }

annex_respondents = États et organisations intergouvernementales ayant répondu au sujet du MCIM

annex_respondent = Répondant

annex_respondent_type = Type

annex_respondent_role = Rôle au sein du MCIM

annex_sources = Sources

annex_source_organisation = Répondant

annex_source_type = Questionnaire

annex_source_submitted = Soumis le

annex_source_version = Version

annex_round = Cycle d'enquête : { $name }{ $year }. Synthèse établie le { $date }.

respondent_types =
    .state = État
    .iscm = MCIM
    .igo = Organisation intergouvernementale

page = Page

page_of = sur

## The compendium

compendium_title = Recueil des synthèses des conclusions par MCIM

compendium_subtitle = Établi pour la réunion mondiale des MCIM

compendium_iscms_answered_of_invited = { $answered-number ->
        [singular] { $answered } des { $invited } MCIM invités a répondu au questionnaire
       *[other] { $answered } des { $invited } MCIM invités ont répondu au questionnaire
    }
compendium_iscms_answered = { $iscms-number ->
        [singular] { $iscms } a répondu au questionnaire
       *[other] { $iscms } ont répondu au questionnaire
    }

contents = Table des matières

participation = Participation à l'enquête

participation_intro = { $states }, { $iscms } et { $igos } ont répondu aux questionnaires du cycle { $round }.

participation_by_type_title = Répondants par type

participation_by_type_alt = Diagramme à barres des répondants, par type.

participation_by_region_title = Répondants par région et par type

participation_by_region_alt = Diagramme à barres des répondants, par région et par type.

participation_type = Type de répondant

participation_region = Région

participation_answered = Ont répondu

participation_invited = Invités

participation_rate = Taux de réponse

participation_total = Total

region_unspecified = Région non précisée

comparisons = Comparaisons entre MCIM

comparison_thematic = Domaines thématiques de chaque MCIM

comparison_thematic_key = ● abordé aujourd'hui ; ○ mandat initial seulement ; case vide : domaine non couvert.

comparison_thematic_current = abordé aujourd'hui

comparison_thematic_original = mandat initial seulement

comparison_structures = Structures comparées

comparison_iscm = MCIM

comparison_kind = Type

comparison_founded = Création

comparison_structure_elements = Structures

comparison_secretariat = Secrétariat géré par

comparison_strategy = Stratégie

comparison_work_plan = Plan de travail

comparison_funding = Financement

comparison_not_answered = n'a pas répondu

comparison_partners = Partenariats entre MCIM et organisations intergouvernementales

comparison_partners_alt = Schéma de réseau : chaque MCIM est relié aux MCIM et aux organisations intergouvernementales qu'il a cités comme partenaires.

comparison_partners_key = Carrés : MCIM ; cercles : organisations intergouvernementales. Un trait relie un MCIM à chaque partenaire qu'il a cité.

comparison_partner_iscms = MCIM partenaires

comparison_partner_igos = Organisations intergouvernementales partenaires

summaries = Synthèses des conclusions par MCIM

iscm_kinds =
    .rcp = Régional
    .irf = Interrégional
    .global = Mondial

yes_no =
    .yes = Oui
    .no = Non
    .in_preparation = En préparation

## Accessibility

chart_alt_with_data = { $chart } { $data }.

chart_alt_row = { $label } : { $value }

chart_alt_row_values = { $label } ({ $values })

chart_alt_value = { $column } : { $value }

## Illustrative data

# Réponses inventées pour présenter la plateforme (celles du cycle de démonstration) : ce qu'un
# rapport en tire porte cette marque, qu'explique la ligne de légende
illustrative_marker = ◆

illustrative_legend = Données illustratives (démo) : elles ne proviennent d'aucune réponse réelle

illustrative_summary_note = Cette synthèse s'appuie sur des réponses illustratives, inventées pour présenter la plateforme ; ce qui en provient est signalé par { illustrative_marker } dans ses tableaux et graphiques.

illustrative_compendium_note = { $n ->
        [one] Une des { $total } réponses sur lesquelles s'appuie ce recueil est illustrative, inventée pour présenter la plateforme ; ce qui en provient est signalé par { illustrative_marker } dans ses tableaux, graphiques, matrice et réseau.
       *[other] { $count } des { $total } réponses sur lesquelles s'appuie ce recueil sont illustratives, inventées pour présenter la plateforme ; ce qui en provient est signalé par { illustrative_marker } dans ses tableaux, graphiques, matrice et réseau.
    }

illustrative_participation_note = { $n ->
        [one] Les chiffres de participation ci-dessus comptent une réponse illustrative.
       *[other] Les chiffres de participation ci-dessus comptent { $count } réponses illustratives.
    }

illustrative_left_out_note = { $n ->
        [one] Une réponse illustrative (démo) n'est pas prise en compte dans ce rapport.
       *[other] { $count } réponses illustratives (démo) ne sont pas prises en compte dans ce rapport.
    }

illustrative_column = Dont illustratives

# Under the chart of participation by region: the types of respondent it leaves out, having no
# region ($respondents: "22 ISCMs and 3 inter-governmental organizations")
participation_by_region_left_out = Non représentés par région : { $respondents }, pour lesquels l'enquête n'enregistre pas de région (ils sont comptés par type ci-dessus).

# The chart of participation by region when only States have a region
participation_states_by_region_title = États ayant répondu, par région

participation_states_by_region_alt = Diagramme en barres du nombre d'États ayant répondu dans chaque région.

# Title of the legend giving the full names of the ISCMs that head the thematic matrix's columns
comparison_abbreviations = Abréviations

# Ends the text alternative of a chart whose data are too many to read out in it (the network)
chart_alt_table_follows = Ses données figurent dans le tableau qui suit.

## No sentence twice: States that said the same thing, and lists already written out

state_benefits_shared = { $States } ont { $size ->
        [two] { $States-gender ->
            [feminine] toutes deux
           *[other] tous deux
        }
       *[other] { $States-gender ->
            [feminine] toutes
           *[other] tous
        }
    } tiré profit de leur participation { $iscm-to }, en particulier { $benefits-of }.

state_benefits_shared_also = { $States } ont { $size ->
        [two] { $States-gender ->
            [feminine] toutes deux
           *[other] tous deux
        }
       *[other] { $States-gender ->
            [feminine] toutes
           *[other] tous
        }
    } également tiré profit de leur participation, en particulier { $benefits-of }.

state_values_again_listed = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $values }, là encore en accord avec cette liste.

state_values_again_unlisted = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $values }, qui n'y { $n ->
        [one] figure
       *[other] figurent
    } pas.

state_values_again_partly_listed = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $listed }, là encore en accord avec cette liste, et pour { $unlisted }, qui n'y { $n ->
        [one] figure
       *[other] figurent
    } pas.

state_values_also_again_listed = { $State-number ->
        [plural] { $State-gender ->
            [feminine] Elles apprécient
           *[other] Ils apprécient
        }
       *[other] { $State-gender ->
            [feminine] Elle apprécie
           *[other] Il apprécie
        }
    } également le processus pour { $values }, là encore en accord avec cette liste.

state_values_also_again_unlisted = { $State-number ->
        [plural] { $State-gender ->
            [feminine] Elles apprécient
           *[other] Ils apprécient
        }
       *[other] { $State-gender ->
            [feminine] Elle apprécie
           *[other] Il apprécie
        }
    } également le processus pour { $values }, qui n'{ $n ->
        [one] y figure
       *[other] y figurent
    } pas.

state_values_also_again_partly_listed = { $State-number ->
        [plural] { $State-gender ->
            [feminine] Elles apprécient
           *[other] Ils apprécient
        }
       *[other] { $State-gender ->
            [feminine] Elle apprécie
           *[other] Il apprécie
        }
    } également le processus pour { $listed }, là encore en accord avec cette liste, et pour { $unlisted }, qui n'y { $n ->
        [one] figure
       *[other] figurent
    } pas.

thematic_kept_added_said = Si ces domaines demeurent des priorités thématiques { $iscm-of }, { $iscm-number ->
        [plural] { $iscm-gender ->
            [feminine] elles abordent
           *[other] ils abordent
        }
       *[other] { $iscm-gender ->
            [feminine] elle aborde
           *[other] il aborde
        }
    } désormais aussi d'autres domaines : { $added }.

thematic_kept_evolution_said = Si ces domaines demeurent des priorités thématiques { $iscm-of }, { $evolution }.

thematic_unchanged_said = L'orientation thématique { $iscm-of } demeure celle de { $iscm-number ->
        [plural] leur
       *[other] son
    } mandat initial.

thematic_replaced_said = Aujourd'hui, { $iscm } { $iscm-number ->
        [plural] abordent
       *[other] aborde
    } plutôt les domaines suivants : { $current }.

nothing_on_section =
    .programming = Aucune information n'a été communiquée sur la programmation et l'orientation thématique { $iscm-of }.
    .contribution = Aucune information n'a été communiquée sur la contribution { $iscm-of } à la gouvernance des migrations.
    .structures = Aucune information n'a été communiquée sur les structures { $iscm-of }.
    .partnerships = Aucune information n'a été communiquée sur les partenariats { $iscm-of }.
    .membership_value = Aucune information n'a été communiquée sur la valeur de l'appartenance { $iscm-to }.

state_values_listed_by = Parmi les avantages de l'appartenance que { $iscm } { $iscm-number ->
        [plural] citent
       *[other] cite
    }, { $clauses }.

state_values_unlisted_by = Au-delà des avantages de l'appartenance que { $iscm } { $iscm-number ->
        [plural] citent
       *[other] cite
    }, { $clauses }.

state_values_clause = { $State } { $State-number ->
        [plural] apprécient
       *[other] apprécie
    } le processus pour { $values }

state_values_clause_next = { $State } pour { $values }

state_values_unlisted_beyond = En dehors de cette liste, { $clauses }.

choices_membership_value_again =
    .global_initiatives = le suivi des initiatives mondiales

# les bénéfices d'un troisième (cinquième ...) État, après d'autres « a également tiré profit »
state_benefits_further = { $State } { $State-number ->
        [plural] ont surtout mis en avant
       *[other] a surtout mis en avant
    } { $benefits }.
