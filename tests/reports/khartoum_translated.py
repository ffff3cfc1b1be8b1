# ruff: noqa: E501 - translated sentences read best unbroken
"""The Khartoum Process dossier as the adapter builds it for a French, Spanish or Arabic summary.

Registry names and choice labels come translated; the secretariat's free-text answers stay in
English, the language it answered in.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from khartoum import LABELS, ORGANISATIONS, khartoum_dossier

from reports import IscmDossier, OrganisationName

#: code -> (name, short name, name inside a sentence), by language
NAMES: dict[str, dict[str, tuple[str, str, str]]] = {
    "fr": {
        "EGY": ("Égypte", "Égypte", "l'Égypte"),
        "ETH": ("Éthiopie", "Éthiopie", "l'Éthiopie"),
        "NLD": ("Pays-Bas", "Pays-Bas", "les Pays-Bas"),
        "LBY": ("Libye", "Libye", "la Libye"),
        "NOR": ("Norvège", "Norvège", "la Norvège"),
        "CHE": ("Suisse", "Suisse", "la Suisse"),
        "UGA": ("Ouganda", "Ouganda", "l'Ouganda"),
        "MLT": ("Malte", "Malte", "Malte"),
        "auc": ("Commission de l'Union africaine", "CUA", "la Commission de l'Union africaine"),
        "ec": ("Commission européenne", "CE", "la Commission européenne"),
        "icmpd": (
            "Centre international pour le développement des politiques migratoires",
            "ICMPD",
            "l'ICMPD",
        ),
        "iom": ("Organisation internationale pour les migrations", "OIM", "l'OIM"),
        "unhcr": ("Haut-Commissariat des Nations Unies pour les réfugiés", "HCR", "le HCR"),
        "unodc": ("Office des Nations Unies contre la drogue et le crime", "ONUDC", "l'ONUDC"),
        "rabat-process": (
            "Dialogue euro-africain sur la migration et le développement (Processus de Rabat)",
            "Processus de Rabat",
            "le Processus de Rabat",
        ),
        "khartoum-process": (
            "Initiative sur la route migratoire UE-Corne de l'Afrique (Processus de Khartoum)",
            "Processus de Khartoum",
            "le Processus de Khartoum",
        ),
    },
    "es": {
        "EGY": ("Egipto", "Egipto", "Egipto"),
        "ETH": ("Etiopía", "Etiopía", "Etiopía"),
        "NLD": ("Países Bajos", "Países Bajos", "los Países Bajos"),
        "LBY": ("Libia", "Libia", "Libia"),
        "NOR": ("Noruega", "Noruega", "Noruega"),
        "CHE": ("Suiza", "Suiza", "Suiza"),
        "UGA": ("Uganda", "Uganda", "Uganda"),
        "MLT": ("Malta", "Malta", "Malta"),
        "auc": ("Comisión de la Unión Africana", "CUA", "la Comisión de la Unión Africana"),
        "ec": ("Comisión Europea", "CE", "la Comisión Europea"),
        "icmpd": (
            "Centro Internacional para el Desarrollo de Políticas Migratorias",
            "ICMPD",
            "el ICMPD",
        ),
        "iom": ("Organización Internacional para las Migraciones", "OIM", "la OIM"),
        "unhcr": (
            "Alto Comisionado de las Naciones Unidas para los Refugiados",
            "ACNUR",
            "el ACNUR",
        ),
        "unodc": (
            "Oficina de las Naciones Unidas contra la Droga y el Delito",
            "UNODC",
            "la UNODC",
        ),
        "rabat-process": (
            "Diálogo Euroafricano sobre Migración y Desarrollo (Proceso de Rabat)",
            "Proceso de Rabat",
            "el Proceso de Rabat",
        ),
        "khartoum-process": (
            "Iniciativa sobre la Ruta Migratoria UE-Cuerno de África (Proceso de Jartum)",
            "Proceso de Jartum",
            "el Proceso de Jartum",
        ),
    },
    "ar": {
        "EGY": ("مصر", "مصر", "مصر"),
        "ETH": ("إثيوبيا", "إثيوبيا", "إثيوبيا"),
        "NLD": ("هولندا", "هولندا", "هولندا"),
        "LBY": ("ليبيا", "ليبيا", "ليبيا"),
        "NOR": ("النرويج", "النرويج", "النرويج"),
        "CHE": ("سويسرا", "سويسرا", "سويسرا"),
        "UGA": ("أوغندا", "أوغندا", "أوغندا"),
        "MLT": ("مالطة", "مالطة", "مالطة"),
        "auc": ("مفوضية الاتحاد الأفريقي", "مفوضية الاتحاد الأفريقي", "مفوضية الاتحاد الأفريقي"),
        "ec": ("المفوضية الأوروبية", "المفوضية الأوروبية", "المفوضية الأوروبية"),
        "icmpd": (
            "المركز الدولي لتطوير سياسات الهجرة",
            "المركز الدولي لتطوير سياسات الهجرة",
            "المركز الدولي لتطوير سياسات الهجرة",
        ),
        "iom": ("المنظمة الدولية للهجرة", "المنظمة الدولية للهجرة", "المنظمة الدولية للهجرة"),
        "unhcr": (
            "مفوضية الأمم المتحدة السامية لشؤون اللاجئين",
            "المفوضية",
            "مفوضية الأمم المتحدة لشؤون اللاجئين",
        ),
        "unodc": (
            "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
            "المكتب المعني بالمخدرات والجريمة",
            "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
        ),
        "rabat-process": (
            "الحوار الأورو-أفريقي بشأن الهجرة والتنمية (عملية الرباط)",
            "عملية الرباط",
            "عملية الرباط",
        ),
        "khartoum-process": (
            "مبادرة طريق الهجرة بين الاتحاد الأوروبي والقرن الأفريقي (عملية الخرطوم)",
            "عملية الخرطوم",
            "عملية الخرطوم",
        ),
    },
}

#: choice labels by question, by language
CHOICE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "fr": {
        "thematic": {
            "trafficking_in_persons": "Traite des personnes",
            "smuggling_of_migrants": "Trafic illicite de migrants",
            "international_protection": "Protection internationale et asile",
            "root_causes": "Causes profondes de la migration irrégulière et des déplacements",
            "migration_data": "Collecte et gestion des données migratoires",
        },
        "member_value": {
            "exchange_of_practices": "Échange de bonnes pratiques",
            "trust_building": "Instauration de la confiance",
            "networking": "Constitution de réseaux",
            "capacity_building": "Renforcement des capacités",
            "policy_coordination": "Coordination des politiques",
            "access_to_stakeholders": "Accès aux parties prenantes",
            "technical_advice": "Conseils techniques",
            "knowledge_sharing": "Partage des connaissances",
            "emerging_issues": "Maintien d'un dialogue sur les questions nouvelles",
            "global_initiatives": "Suivi des initiatives mondiales sur la migration",
            "partnerships": "Développement de partenariats",
            "projects_and_funding": "Accès aux projets et aux financements",
        },
    },
    "es": {
        "thematic": {
            "trafficking_in_persons": "Trata de personas",
            "smuggling_of_migrants": "Tráfico ilícito de migrantes",
            "international_protection": "Protección internacional y asilo",
            "root_causes": "Causas profundas de la migración irregular y los desplazamientos",
            "migration_data": "Recopilación y gestión de datos sobre migración",
        },
        "member_value": {
            "exchange_of_practices": "Intercambio de buenas prácticas",
            "trust_building": "Fomento de la confianza",
            "networking": "Creación de redes",
            "capacity_building": "Fortalecimiento de la capacidad",
            "policy_coordination": "Coordinación de políticas",
            "access_to_stakeholders": "Acceso a las partes interesadas",
            "technical_advice": "Asesoramiento técnico",
            "knowledge_sharing": "Intercambio de conocimientos",
            "emerging_issues": "Diálogo sobre cuestiones emergentes",
            "global_initiatives": "Actualización sobre iniciativas mundiales en materia de migración",
            "partnerships": "Desarrollo de asociaciones",
            "projects_and_funding": "Acceso a proyectos y financiación",
        },
    },
    "ar": {
        "thematic": {
            "trafficking_in_persons": "الاتجار بالأشخاص",
            "smuggling_of_migrants": "تهريب المهاجرين",
            "international_protection": "الحماية الدولية واللجوء",
            "root_causes": "الأسباب الجذرية للهجرة غير النظامية والنزوح",
            "migration_data": "جمع بيانات الهجرة وإدارتها",
        },
        "member_value": {
            "exchange_of_practices": "تبادل الممارسات الجيدة",
            "trust_building": "بناء الثقة",
            "networking": "التواصل وبناء الشبكات",
            "capacity_building": "بناء القدرات",
            "policy_coordination": "تنسيق السياسات",
            "access_to_stakeholders": "الوصول إلى أصحاب المصلحة",
            "technical_advice": "المشورة التقنية",
            "knowledge_sharing": "تبادل المعارف",
            "emerging_issues": "الحوار بشأن القضايا المستجدة",
            "global_initiatives": "مواكبة المبادرات العالمية بشأن الهجرة",
            "partnerships": "تطوير الشراكات",
            "projects_and_funding": "الوصول إلى المشاريع والتمويل",
        },
    },
}


def translated_organisations(language: str) -> dict[str, OrganisationName]:
    """The registry names of the fixture in ``language``."""
    return {
        code: OrganisationName(code, *NAMES[language][code]) if code in NAMES[language] else org
        for code, org in ORGANISATIONS.items()
    }


def translated_khartoum_dossier(language: str, **changes: Any) -> IscmDossier:
    """The Khartoum Process dossier for a summary in ``language``, answers given in English."""
    if language == "en":
        return khartoum_dossier(answer_language="en", **changes)
    names = translated_organisations(language)
    labels = {key: dict(value) for key, value in LABELS.items()}
    choices = CHOICE_LABELS[language]
    for key in ("original_thematic_areas", "current_thematic_areas"):
        labels[key].update(choices["thematic"])
    labels["member_value"].update(choices["member_value"])
    base = khartoum_dossier()
    iscm_name, short, in_sentence = NAMES[language]["khartoum-process"]
    iscm = dataclasses.replace(
        base.iscm,
        name=iscm_name.rsplit(" (", 1)[0],
        acronym=short,
        in_sentence=in_sentence,
    )

    def value_labels(codes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(choices["member_value"][code] for code in codes)

    state_views = [
        dataclasses.replace(
            view,
            state=names[view.state.code],
            value_areas=value_labels(view.value_area_codes),
            language="en",
        )
        for view in base.state_views
    ]
    igo_views = [
        dataclasses.replace(view, igo=names[view.igo.code], language="en")
        for view in base.igo_views
    ]
    fields: dict[str, Any] = {
        "language": language,
        "iscm": iscm,
        "labels": labels,
        "organisations": names,
        "state_views": state_views,
        "igo_views": igo_views,
        "answer_language": "en",
    }
    fields.update(changes)
    return khartoum_dossier(**fields)
