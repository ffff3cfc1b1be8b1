### Los mensajes de los resúmenes por MCIM y de la recopilación, en español (registro formal,
### como en las publicaciones de la OIM).
###
### The message ids, attributes and variables are those of en.ftl, which documents them; a message
### left out here falls back to English. { $iscm-of } and { $iscm-to } are the field after "de" and "a",
### contracted with its article by the "of" and "to" messages below; { $State-number } lets a verb
### agree with the name (names.es.ftl).

## Gramática

list_separator = ,{ " " }
long_list_separator = ;{ " " }
join_last = { $head } y { $last }

number_in_words = { $n ->
        [0] ningún
        [1] uno
        [2] dos
        [3] tres
        [4] cuatro
        [5] cinco
        [6] seis
        [7] siete
        [8] ocho
        [9] nueve
        [10] diez
        [11] once
        [12] doce
        [13] trece
        [14] catorce
        [15] quince
        [16] dieciséis
        [17] diecisiete
        [18] dieciocho
        [19] diecinueve
        [20] veinte
       *[other] { $count }
    }

month = { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    }
date = { $day } de { $month } de { $year }
date_range_same_month = { $day } y { $end_day } de { $month } de { $year }
date_range = { $start } - { $end }

# Los artículos con los que puede empezar un título, un nombre o una respuesta; "of" y "to"
# eligen según su nombre (el, la ...).
articles =
    .el = el
    .la = la
    .los = los
    .las = las
    .un = un
    .una = una
# El artículo depende del género del sustantivo, que una respuesta no indica: los títulos se citan.
with_article = «{ $title }»
clause_openers = el la los las su sus este esta estos estas algunas algunos
gerund_suffixes = ando iendo

quote = «{ $text }»

# "de" y "a" delante de un campo ({ $text }), contraídos con su artículo ({ $article }, { $name }
# el nombre sin el artículo): "del Proceso de Jartum", "al Níger".
of = { $article ->
        [el] del { $name }
       *[other] de { $text }
    }
to = { $article ->
        [el] al { $name }
       *[other] a { $text }
    }

## Respuestas citadas en el idioma en que se dieron

answer_language_note = Las respuestas redactadas por los encuestados se citan en el idioma en que se dieron ({ $languages }).

language_names =
    .en = inglés
    .fr = francés
    .es = español
    .ar = árabe

answer_topic = { $topic }: { $text }

answer_topics =
    .mandate = Mandato
    .work_plan_scope = Alcance del plan de trabajo
    .knowledge_management = Gestión del conocimiento
    .funding_description = Financiación

edited_marker = Texto revisado por un analista

## Title block and introduction

organisation = Organización Internacional para las Migraciones (OIM)

division = División de Asociaciones Internacionales (IPD)

assessment = Evaluación de los mecanismos de consulta interestatales sobre migración

summary_title = Resumen de conclusiones por MCIM

iscm_name_label = Nombre del mecanismo de consulta interestatal sobre migración (MCIM):

intro = En el marco de una evaluación de los mecanismos de consulta interestatales sobre migración (MCIM), se llevó a cabo una encuesta en { $year }. Realizada por la OIM entre los MCIM, sus Estados miembros y las organizaciones intergubernamentales pertinentes, la encuesta tuvo por objeto evaluar la pertinencia de los MCIM y su contribución a la gobernanza de la migración en todos los niveles (nacional, regional e internacional), así como las sinergias entre los MCIM y con otros actores. Las conclusiones de esta encuesta se presentaron en la reunión mundial de los MCIM en { $year } y sirvieron para formular recomendaciones destinadas a reforzar la participación de los MCIM en la gobernanza de la migración.
intro_results = { $states }, { $iscms } y { $igos } respondieron a los cuestionarios. Los resultados figuran en el informe de evaluación de { $year }, «Avanzar hacia un entendimiento común de la gobernanza de la migración entre regiones», que ofrece un panorama de la organización de los MCIM, sus actividades, su pertinencia y sus sinergias con los actores pertinentes en el ámbito de la gestión de la migración. Como complemento del informe, la información que figura a continuación describe las prioridades temáticas, la estructura, el impacto y la pertinencia de cada MCIM.

count_states = { $n ->
        [one] { $count } Estado
       *[other] { $count } Estados
    }

count_iscms = { $n ->
        [one] { $count } MCIM
       *[other] { $count } MCIM
    }

count_igos = { $n ->
        [one] { $count } organización intergubernamental
       *[other] { $count } organizaciones intergubernamentales
    }

## Section titles

titles =
    .programming = Evolución de la programación y de la orientación temática
    .contribution = Contribución a la gobernanza de la migración en los niveles nacional, (inter)regional y mundial (con ejemplos)
    .structures = Estructuras principales del MCIM
    .partnerships = Modelos de asociación del MCIM
    .membership_value = Valor añadido de la pertenencia al MCIM para los Estados y las organizaciones (con ejemplos)

## When answers are missing

iscm_did_not_answer = { $Iscm } no { $iscm-number ->
        [plural] respondieron
       *[other] respondió
    } al cuestionario destinado a los MCIM.

nothing_on_topic = No se facilitó información sobre este tema.

## 1. Programming

founding_mandate = Según lo establecido en el documento { $document }, { $iscm } { $mandate }.

mandate_only = { $Iscm } { $mandate }.

founding_document = El documento fundacional { $iscm-of } es { $document }.

document_of_year = { $document } de { $year }

document_adopted_at = { $document }, aprobado en { $event }

document_adopted_at_on = { $document }, aprobado en { $event } el { $date }

document_adopted_on = { $document }, aprobado el { $date }

thematic_kept_added = Si bien la orientación inicial ({ $kept }) sigue siendo una prioridad temática { $iscm-of }, ahora { $iscm-number ->
        [plural] abordan
       *[other] aborda
    } también otros ámbitos: { $added }.

thematic_kept_evolution = Si bien la orientación inicial ({ $kept }) sigue siendo una prioridad temática { $iscm-of }, { $evolution }.

thematic_unchanged = La orientación temática { $iscm-of } sigue siendo la de su mandato inicial: { $kept }.

thematic_replaced = El mandato inicial { $iscm-of } abarcaba { $original }; hoy { $iscm-number ->
        [plural] abordan
       *[other] aborda
    } los siguientes ámbitos: { $current }.

thematic_dropped = Ya no { $iscm-number ->
        [plural] abordan
       *[other] aborda
    } los siguientes ámbitos: { $dropped }.

thematic_current = { $Iscm } { $iscm-number ->
        [plural] abordan
       *[other] aborda
    } actualmente los siguientes ámbitos temáticos: { $current }.

thematic_original = El mandato inicial { $iscm-of } abarcaba { $original }.

strategy_no = { $Iscm } no { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } con una estrategia formal.

strategy_yes = { $Iscm } { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } con una estrategia formal.

strategy_yes_titled = { $Iscm } { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } con una estrategia formal: { $title }.

strategy_in_preparation = { $Iscm } { $iscm-number ->
        [plural] están
       *[other] está
    } preparando una estrategia formal.

guiding_document = El principal documento que orienta las acciones y prioridades { $iscm-of } es el documento { $document }.

work_plan = La labor { $iscm-of } se ejecuta y se supervisa con arreglo a su plan de trabajo{ $period }{ $scope }.

work_plan_other_period = , que abarca el siguiente período: { $period }

work_plan_scope = , que abarca { $scope }

work_plan_none = { $Iscm } no { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } con un plan de trabajo.

monitors_one = El seguimiento está a cargo { $monitors-of }.

monitors_many = El seguimiento está a cargo, conjuntamente, { $monitors-of }.

## 2. Contribution

national_level = Nivel nacional: { $text }

interregional_level = Nivel interregional: { $text }

global_level = Nivel mundial: { $text }

national_means = { $Iscm } { $iscm-number ->
        [plural] contribuyeron
       *[other] contribuyó
    } a las políticas, la legislación y las prácticas migratorias de sus Estados miembros mediante { $means }.

national_outcomes_after_means = Además, { $outcomes }.

national_outcomes = { $Iscm } { $outcomes }.

national_impact_state = { $State } { $State-number ->
        [plural] informaron
       *[other] informó
    } sobre el impacto a nivel nacional: { $quote }

## 3. Structures

structures = Las estructuras { $iscm-of } comprenden { $elements }.

secretariat_of_kinds = una secretaría { $kinds }

secretariat_managed = La secretaría está gestionada por { $managers }{ $support }.

secretariat_managed_jointly = La secretaría está gestionada conjuntamente por { $managers }{ $support }.

secretariat_support = { " " }con el apoyo { $supporters-of }

secretariat_supported = La secretaría cuenta con el apoyo { $supporters-of }.

secretariat_functions_after = Sus funciones incluyen { $functions }.

secretariat_functions = Las funciones de la secretaría incluyen { $functions }.

governing_documents_one = El documento rector { $iscm-of } es { $documents }.

governing_documents_many = Los documentos rectores { $iscm-of } son { $documents }.

knowledge_management = La gestión del conocimiento se lleva a cabo { $clause }.

communication = { $Iscm } { $iscm-number ->
        [plural] informan
       *[other] informa
    } { $frequency }sobre su labor{ $channels }.

communication_channels = { " " }{ $channels }

communication_other_channel = a través { $channel-of }

membership_unchanged = La composición { $iscm-of } no ha cambiado desde su creación.

membership_changed = Desde su creación, la composición { $iscm-of } ha cambiado.

membership_joined_left = Desde su creación, la composición { $iscm-of } ha cambiado: { $joined } se { $joined-number ->
        [plural] sumaron
       *[other] sumó
    } al proceso y { $left } lo { $left-number ->
        [plural] abandonaron
       *[other] abandonó
    }.

membership_joined = Desde su creación, la composición { $iscm-of } ha cambiado: { $joined } se { $joined-number ->
        [plural] sumaron
       *[other] sumó
    } al proceso.

membership_left = Desde su creación, la composición { $iscm-of } ha cambiado: { $left } { $left-number ->
        [plural] abandonaron
       *[other] abandonó
    } el proceso.

funding_sources = { $Iscm } se { $iscm-number ->
        [plural] financian
       *[other] financia
    } mediante { $sources }.

funding_stability =
    .stable = Las fuentes de financiación { $iscm-of } son estables.
    .partly_stable = Las fuentes de financiación { $iscm-of } son parcialmente estables.
    .unstable = Las fuentes de financiación { $iscm-of } no son estables.

## 4. Partnerships

partner_iscms = { $Iscm } { $iscm-number ->
        [plural] colaboran
       *[other] colabora
    } estrechamente con { $partners }.

partner_igos = { $Iscm } { $iscm-number ->
        [plural] cooperan
       *[other] coopera
    } con organizaciones intergubernamentales (OIG) como { $igos }{ $roles }.

partner_igos_moreover = Además, { $iscm } { $iscm-number ->
        [plural] cooperan
       *[other] coopera
    } con organizaciones intergubernamentales (OIG) como { $igos }{ $roles }.

partner_igo_roles = , que { $roles }

igo_example_first = { $Igo }, por ejemplo, { $clause }.

igo_example = { $Igo } { $clause }.

reported = { $Subject } { $Subject-number ->
        [plural] indicaron
       *[other] indicó
    }: { $quote }

civil_society = Se invita a las ONG y las OSC { $activities }.

civil_society_none = Las ONG y las OSC no participan en la labor { $iscm-of }.

igos_referred = { $Count } de las organizaciones intergubernamentales encuestadas ({ $names }) se refirieron { $iscm-to } en sus respuestas.

igos_referred_unnamed = { $Count } de las organizaciones intergubernamentales encuestadas se refirieron { $iscm-to } en sus respuestas.

igos_referred_one = Una de las organizaciones intergubernamentales encuestadas ({ $names }) se refirió { $iscm-to } en sus respuestas.

igos_referred_unnamed_one = Una de las organizaciones intergubernamentales encuestadas se refirió { $iscm-to } en sus respuestas.

igos_referred_all = { $size ->
        [one] La única organización intergubernamental encuestada ({ $names }) se refirió { $iscm-to } en sus respuestas.
        [two] Ambas organizaciones intergubernamentales encuestadas ({ $names }) se refirieron { $iscm-to } en sus respuestas.
       *[other] Las { $count } organizaciones intergubernamentales encuestadas ({ $names }) se refirieron { $iscm-to } en sus respuestas.
    }

igos_referred_all_unnamed = { $size ->
        [one] La única organización intergubernamental encuestada se refirió { $iscm-to } en sus respuestas.
        [two] Ambas organizaciones intergubernamentales encuestadas se refirieron { $iscm-to } en sus respuestas.
       *[other] Las { $count } organizaciones intergubernamentales encuestadas se refirieron { $iscm-to } en sus respuestas.
    }

igo_roles = { $igos } { $roles }.

igo_roles_also = Además, { $igos } { $roles }.

one_igo = Una organización intergubernamental
    .gender = feminine
    .number = singular

another_igo = Otra organización intergubernamental
    .gender = feminine
    .number = singular

## 5. Membership value

member_value = Los Estados miembros valoran su pertenencia { $iscm-to } por { $values }.

member_value_further = Los Estados miembros valoran además su pertenencia { $iscm-to } por { $values }.

states_referred = { $Count } de los Estados miembros encuestados ({ $names }) se refirieron { $iscm-to } en sus respuestas.

states_referred_unnamed = { $Count } de los Estados miembros encuestados se refirieron { $iscm-to } en sus respuestas.

states_referred_one = Uno de los Estados miembros encuestados ({ $names }) se refirió { $iscm-to } en sus respuestas.

states_referred_unnamed_one = Uno de los Estados miembros encuestados se refirió { $iscm-to } en sus respuestas.

states_referred_all = { $size ->
        [one] El único Estado miembro encuestado ({ $names }) se refirió { $iscm-to } en sus respuestas.
        [two] Ambos Estados miembros encuestados ({ $names }) se refirieron { $iscm-to } en sus respuestas.
       *[other] Los { $count } Estados miembros encuestados ({ $names }) se refirieron { $iscm-to } en sus respuestas.
    }

states_referred_all_unnamed = { $size ->
        [one] El único Estado miembro encuestado se refirió { $iscm-to } en sus respuestas.
        [two] Ambos Estados miembros encuestados se refirieron { $iscm-to } en sus respuestas.
       *[other] Los { $count } Estados miembros encuestados se refirieron { $iscm-to } en sus respuestas.
    }

no_state_referred = Ningún Estado miembro encuestado se refirió { $iscm-to } en sus respuestas.

member_states_counted = { $n ->
        [1] un Estado miembro
       *[other] { $count } Estados miembros
    }

funding_view_same = { $States } también { $States-number ->
        [plural] calificaron
       *[other] calificó
    } de { $view } la financiación { $iscm-of }.

funding_view_differs = Sin embargo, { $states } { $states-number ->
        [plural] calificaron
       *[other] calificó
    } de { $view } la financiación { $iscm-of }.

funding_view_only = { $States } { $States-number ->
        [plural] calificaron
       *[other] calificó
    } de { $view } la financiación { $iscm-of }.

funding_views =
    .stable = estable
    .partly_stable = parcialmente estable
    .unstable = inestable

state_benefits = { $State } se { $State-number ->
        [plural] beneficiaron
       *[other] benefició
    } de su participación en { $iscm }, en particular { $benefits-of }.

state_benefits_also = { $State } también se { $State-number ->
        [plural] beneficiaron
       *[other] benefició
    } de su participación, en particular { $benefits-of }.

state_values = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }.

state_values_also = También { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }.

state_values_listed = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, que { $iscm } también { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } entre las ventajas de la pertenencia.

state_values_unlisted = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, que { $iscm } no { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } entre las ventajas de la pertenencia.

state_values_partly_listed = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $listed }, que { $iscm } también { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } entre las ventajas de la pertenencia, y por { $unlisted }, que no { $iscm-number ->
        [plural] mencionan
       *[other] menciona
    }.

state_values_also_listed = También { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, que { $iscm } { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } asimismo entre las ventajas de la pertenencia.

state_values_also_unlisted = También { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, que { $iscm } no { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } entre las ventajas de la pertenencia.

state_values_also_partly_listed = También { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $listed }, que { $iscm } { $iscm-number ->
        [plural] cuentan
       *[other] cuenta
    } asimismo entre las ventajas de la pertenencia, y por { $unlisted }, que no { $iscm-number ->
        [plural] mencionan
       *[other] menciona
    }.

one_state = Un Estado miembro
    .gender = masculine
    .number = singular

another_state = Otro Estado miembro
    .gender = masculine
    .number = singular

choices_membership_value =
    .exchange_of_practices = el intercambio de buenas prácticas
    .trust_building = el fomento de la confianza
    .networking = la creación de redes
    .capacity_building = el fortalecimiento de la capacidad
    .policy_coordination = la coordinación de políticas
    .access_to_stakeholders = el acceso a las partes interesadas
    .technical_advice = el asesoramiento técnico
    .knowledge_sharing = el intercambio de conocimientos
    .emerging_issues = el diálogo sobre cuestiones emergentes
    .global_initiatives = la actualización sobre iniciativas mundiales en materia de migración
    .partnerships = el desarrollo de asociaciones
    .projects_and_funding = el acceso a proyectos y financiación

choices_work_plan_monitors =
    .secretariat = la Secretaría
    .chair = la Presidencia
    .steering_committee = el Comité Directivo
    .member_states = los Estados miembros
    .external_evaluator = un evaluador externo

choices_work_plan_period =
    .annual = { " " }anual
    .biennial = { " " }bienal
    .multi_year = { " " }plurianual

choices_national_means =
    .thematic_meetings = reuniones temáticas
    .fact_finding_missions = misiones de investigación
    .training = programas de capacitación
    .research = investigaciones
    .technical_assistance = asistencia técnica

choices_national_outcomes =
    .capacity_building = { $iscm-number ->
            [plural] fortalecieron
           *[other] fortaleció
        } la capacidad de los Estados miembros
    .exchange_of_practices = { $iscm-number ->
            [plural] propiciaron
           *[other] propició
        } el intercambio de buenas prácticas

choices_structure_elements =
    .chair = una Presidencia
    .co_chairs = una copresidencia
    .troika = una troika
    .steering_committee = un comité directivo
    .secretariat = una secretaría
    .working_groups = grupos de trabajo
    .national_focal_points = puntos focales nacionales

choices_secretariat_kind =
    .political = política
    .technical = técnica

choices_secretariat_functions =
    .background_documents = la preparación de documentos de antecedentes
    .organising_meetings = la organización de reuniones
    .liaising_with_focal_points = el enlace con los puntos focales nacionales
    .monitoring = el seguimiento
    .communication = la comunicación
    .resource_mobilisation = la movilización de recursos

choices_communication_channels =
    .email = por correo electrónico
    .meetings = en las reuniones
    .website = en su sitio web
    .newsletter = mediante un boletín
    .social_media = en las redes sociales
    .reports = mediante informes

choices_communication_frequency =
    .regular = periódicamente{ " " }
    .occasional = ocasionalmente{ " " }
    .rare = rara vez{ " " }

choices_funding_sources =
    .member_state_contributions = contribuciones de los Estados miembros
    .regional_organisation = una organización regional
    .eu = la Unión Europea
    .host_country = el país anfitrión
    .igo = organizaciones intergubernamentales
    .donors = donantes
    .project_funding = financiación de proyectos

choices_igo_roles_plural =
    .technical_advice = prestan asesoramiento técnico
    .funding = aportan financiación
    .implementation = ejecutan proyectos
    .secretariat_support = apoyan a la secretaría
    .steering_committee_membership = forman parte del comité directivo
    .observer = participan como observadores

choices_igo_roles_singular =
    .technical_advice = presta asesoramiento técnico
    .funding = aporta financiación
    .implementation = ejecuta proyectos
    .secretariat_support = apoya a la secretaría
    .steering_committee_membership = forma parte del comité directivo
    .observer = participa como observador

choices_civil_society_engagement =
    .attend_meetings = a asistir a las reuniones del proceso
    .technical_inputs = a aportar contribuciones técnicas
    .implementation = a participar en la ejecución

## Charts

chart_thematic_title = Esferas temáticas: mandato inicial y esferas que se abordan hoy

chart_thematic_alt = Gráfico de las esferas temáticas { $iscm-of }, al inicio y en la actualidad.

chart_thematic_area = Esfera temática

chart_thematic_original = Mandato inicial

chart_thematic_current = Se abordan hoy

chart_yes = Sí

chart_no = No

chart_value_title = Valor de la pertenencia citado por los Estados miembros

chart_value_alt = Gráfico de barras del número de Estados miembros que citaron cada valor de la pertenencia.

chart_value_area = Valor de la pertenencia

chart_value_count = Número de Estados miembros

chart_meetings_title = Reuniones celebradas por año, por nivel

chart_meetings_alt = Gráfico de barras apiladas de las reuniones { $iscm-of } por año y nivel.

chart_meetings_year = Año

chart_meetings_count = Número de reuniones

chart_meetings_total = Total

chart_meetings_unspecified = Nivel no indicado

chart_data_caption = Datos del gráfico

## Annex and page furniture

annex = Anexo

annex_meetings = Reuniones celebradas

annex_meeting_date = Fecha

annex_meeting_place = Lugar

annex_meeting_level = Nivel

annex_meeting_title = Reunión

annex_meeting_host = Anfitrión y presidencia

annex_meeting_host_value = Anfitrión: { $host }

annex_meeting_chair_value = Presidencia: { $chair }

annex_respondents = Estados y organizaciones intergubernamentales que respondieron sobre el MCIM

annex_respondent = Encuestado

annex_respondent_type = Tipo

annex_respondent_role = Función en el MCIM

annex_sources = Fuentes

annex_source_organisation = Encuestado

annex_source_type = Cuestionario

annex_source_submitted = Presentado el

annex_source_version = Versión

annex_round = Ronda de la encuesta: { $name }{ $year }. Resumen generado el { $date }.

respondent_types =
    .state = Estado
    .iscm = MCIM
    .igo = Organización intergubernamental

page = Página

page_of = de

## The compendium

compendium_title = Compendio de los resúmenes de conclusiones por MCIM

compendium_subtitle = Preparado para la reunión mundial de los MCIM

compendium_iscms_answered_of_invited = { $answered-number ->
        [singular] { $answered } de los { $invited } MCIM invitados respondió al cuestionario
       *[other] { $answered } de los { $invited } MCIM invitados respondieron al cuestionario
    }
compendium_iscms_answered = { $iscms-number ->
        [singular] { $iscms } respondió al cuestionario
       *[other] { $iscms } respondieron al cuestionario
    }

contents = Índice

participation = Participación en la encuesta

participation_intro = { $states }, { $iscms } y { $igos } respondieron a los cuestionarios de la ronda { $round }.

participation_by_type_title = Encuestados por tipo

participation_by_type_alt = Gráfico de barras de los encuestados que respondieron, por tipo.

participation_by_region_title = Encuestados por región y tipo

participation_by_region_alt = Gráfico de barras de los encuestados que respondieron, por región y tipo.

participation_type = Tipo de encuestado

participation_region = Región

participation_answered = Respondieron

participation_invited = Invitados

participation_rate = Tasa de respuesta

participation_total = Total

region_unspecified = Región no indicada

comparisons = Comparaciones entre MCIM

comparison_thematic = Esferas temáticas de cada MCIM

comparison_thematic_key = ● se aborda hoy; ○ solo en el mandato inicial; celda vacía: esfera no abarcada.

comparison_thematic_current = se aborda hoy

comparison_thematic_original = solo mandato inicial

comparison_structures = Comparación de las estructuras

comparison_iscm = MCIM

comparison_kind = Tipo

comparison_founded = Creación

comparison_structure_elements = Estructuras

comparison_secretariat = Secretaría gestionada por

comparison_strategy = Estrategia

comparison_work_plan = Plan de trabajo

comparison_funding = Financiación

comparison_not_answered = no respondió

comparison_partners = Asociaciones entre MCIM y organizaciones intergubernamentales

comparison_partners_alt = Diagrama de red: cada MCIM está unido a los MCIM y las organizaciones intergubernamentales que citó como asociados.

comparison_partners_key = Cuadrados: MCIM; círculos: organizaciones intergubernamentales. Una línea une cada MCIM con cada asociado que citó.

comparison_partner_iscms = MCIM asociados

comparison_partner_igos = Organizaciones intergubernamentales asociadas

summaries = Resúmenes de conclusiones por MCIM

iscm_kinds =
    .rcp = Regional
    .irf = Interregional
    .global = Mundial

yes_no =
    .yes = Sí
    .no = No
    .in_preparation = En preparación

## Accessibility

chart_alt_with_data = { $chart } { $data }.

chart_alt_row = { $label }: { $value }

chart_alt_row_values = { $label } ({ $values })

chart_alt_value = { $column }: { $value }

## Illustrative data

# Respuestas inventadas para mostrar la plataforma (las de la ronda de demostración): lo que un
# informe toma de ellas lleva esta marca, que explica la línea de leyenda
illustrative_marker = ◆

illustrative_legend = Datos ilustrativos (demostración): no proceden de una respuesta real

illustrative_summary_note = Este resumen se basa en respuestas ilustrativas, inventadas para mostrar la plataforma; lo que procede de ellas se señala con { illustrative_marker } en sus cuadros y gráficos.

illustrative_compendium_note = { $n ->
        [one] Una de las { $total } respuestas en las que se basa este compendio es ilustrativa, inventada para mostrar la plataforma; lo que procede de ella se señala con { illustrative_marker } en sus cuadros, gráficos, matriz y red.
       *[other] { $count } de las { $total } respuestas en las que se basa este compendio son ilustrativas, inventadas para mostrar la plataforma; lo que procede de ellas se señala con { illustrative_marker } en sus cuadros, gráficos, matriz y red.
    }

illustrative_participation_note = { $n ->
        [one] Las cifras de participación anteriores cuentan una respuesta ilustrativa.
       *[other] Las cifras de participación anteriores cuentan { $count } respuestas ilustrativas.
    }

illustrative_left_out_note = { $n ->
        [one] Una respuesta ilustrativa (demostración) queda fuera de este informe.
       *[other] { $count } respuestas ilustrativas (demostración) quedan fuera de este informe.
    }

illustrative_column = De ellas, ilustrativas

# Under the chart of participation by region: the types of respondent it leaves out, having no
# region ($respondents: "22 ISCMs and 3 inter-governmental organizations")
participation_by_region_left_out = No se muestran por región: { $respondents }, de los que la encuesta no registra región (se cuentan por tipo más arriba).

# The chart of participation by region when only States have a region
participation_states_by_region_title = Estados que respondieron, por región

participation_states_by_region_alt = Gráfico de barras del número de Estados que respondieron en cada región.

# Title of the legend giving the full names of the ISCMs that head the thematic matrix's columns
comparison_abbreviations = Abreviaturas

# Ends the text alternative of a chart whose data are too many to read out in it (the network)
chart_alt_table_follows = Sus datos figuran en el cuadro siguiente.

## No sentence twice: States that said the same thing, and lists already written out

state_benefits_shared = { $States } se beneficiaron { $size ->
        [two] { $States-gender ->
            [feminine] ambas
           *[other] ambos
        }
       *[other] { $States-gender ->
            [feminine] todas
           *[other] todos
        }
    } de su participación en { $iscm }, en particular { $benefits-of }.

state_benefits_shared_also = { $States } también se beneficiaron { $size ->
        [two] { $States-gender ->
            [feminine] ambas
           *[other] ambos
        }
       *[other] { $States-gender ->
            [feminine] todas
           *[other] todos
        }
    } de su participación, en particular { $benefits-of }.

state_values_again_listed = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, también en consonancia con esa lista.

state_values_again_unlisted = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, que no { $n ->
        [one] figura
       *[other] figuran
    } en esa lista.

state_values_again_partly_listed = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $listed }, también en consonancia con esa lista, y por { $unlisted }, que no { $n ->
        [one] figura
       *[other] figuran
    } en ella.

state_values_also_again_listed = También { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, también en consonancia con esa lista.

state_values_also_again_unlisted = También { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }, que no { $n ->
        [one] figura
       *[other] figuran
    } en esa lista.

state_values_also_again_partly_listed = También { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $listed }, también en consonancia con esa lista, y por { $unlisted }, que no { $n ->
        [one] figura
       *[other] figuran
    } en ella.

thematic_kept_added_said = Si bien estos ámbitos siguen siendo prioridades temáticas { $iscm-of }, ahora { $iscm-number ->
        [plural] abordan
       *[other] aborda
    } también otros ámbitos: { $added }.

thematic_kept_evolution_said = Si bien estos ámbitos siguen siendo prioridades temáticas { $iscm-of }, { $evolution }.

thematic_unchanged_said = La orientación temática { $iscm-of } sigue siendo la de su mandato inicial.

thematic_replaced_said = Hoy { $iscm } { $iscm-number ->
        [plural] abordan
       *[other] aborda
    } en cambio los siguientes ámbitos: { $current }.

nothing_on_section =
    .programming = No se facilitó información sobre la programación y la orientación temática { $iscm-of }.
    .contribution = No se facilitó información sobre la contribución { $iscm-of } a la gobernanza de la migración.
    .structures = No se facilitó información sobre las estructuras { $iscm-of }.
    .partnerships = No se facilitó información sobre las alianzas { $iscm-of }.
    .membership_value = No se facilitó información sobre el valor de la pertenencia { $iscm-to }.

state_values_listed_by = De las ventajas de la pertenencia que { $iscm } { $iscm-number ->
        [plural] mencionan
       *[other] menciona
    }, { $clauses }.

state_values_unlisted_by = Más allá de las ventajas de la pertenencia que { $iscm } { $iscm-number ->
        [plural] mencionan
       *[other] menciona
    }, { $clauses }.

state_values_clause = { $State } { $State-number ->
        [plural] valoran
       *[other] valora
    } el proceso por { $values }

state_values_clause_next = { $State } por { $values }

state_values_unlisted_beyond = Fuera de esa lista, { $clauses }.

choices_membership_value_again =
    .global_initiatives = la actualización sobre iniciativas mundiales

# los beneficios de un tercer (quinto ...) Estado, tras otros «también se benefició»
state_benefits_further = { $State } { $State-number ->
        [plural] destacaron
       *[other] destacó
    } sobre todo { $benefits }.
