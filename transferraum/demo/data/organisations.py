"""The demo's organisations: partner towns, institutes of Universität Leipzig, companies and
associations in Eilenburg and Zeitz, each with its public profile, competences, offers and needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from transferraum.actors.models import ListingCategory, Organisation, Sector, SizeClass

# Official municipality keys (AGS) of the reference data.
EILENBURG = "14730110"
ZEITZ = "15084590"
LEIPZIG = "14713000"

Kind = Organisation.Kind
Cat = ListingCategory


@dataclass(frozen=True)
class OrganisationSpec:
    """An organisation; everything after `short_description` fills its public profile."""

    name: str
    kind: str
    ags: str
    short_description: str
    description: str = ""  # Markdown
    sector: str = ""  # WZ 2008 section, for companies
    size_class: str = ""
    street: str = ""
    postcode: str = ""
    competences: tuple[str, ...] = ()  # slugs of the starter vocabulary
    offers: tuple[tuple[str, str], ...] = ()  # (ListingCategory, short text)
    needs: tuple[tuple[str, str], ...] = ()


_UL = "Universität Leipzig – "
TRANSFER_UNIT = _UL + "Transferstelle"
SMILE = _UL + "SMILE Gründungsinitiative"
GEOGRAPHY = _UL + "Institut für Geographie"
SOCIOLOGY = _UL + "Institut für Soziologie"
URBAN = (
    _UL + "Wirtschaftswissenschaftliche Fakultät, Institut für Stadtentwicklung und Bauwirtschaft"
)
COMPUTING = _UL + "Institut für Informatik"
MEDIA = _UL + "Institut für Kommunikations- und Medienwissenschaft"
CULTURE = _UL + "Institut für Kulturwissenschaften"
TOWN_EILENBURG = "Stadtverwaltung Eilenburg"
TOWN_ZEITZ = "Stadtverwaltung Zeitz"
STARTUP = "Kreislaufwerk Eilenburg UG (haftungsbeschränkt)"
TRADE_EILENBURG = "Gewerbeverein Eilenburg e.V."
TRADE_ZEITZ = "Gewerbe- und Handelsverein Zeitz e.V."

PC_EILENBURG = "04838"
PC_ZEITZ = "06712"

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    # Partner towns
    OrganisationSpec(
        TOWN_EILENBURG,
        Kind.TOWN,
        EILENBURG,
        "Große Kreisstadt an der Mulde im Landkreis Nordsachsen und Partnerstadt im Programm "
        "„Transfer über Köpfe“.",
        description=(
            "Die Stadtverwaltung Eilenburg bringt im Programm **„Transfer über Köpfe“** Fragen "
            "aus Stadtplanung, Wirtschaftsförderung und Bürgerservice mit Studierenden der "
            "Universität Leipzig zusammen. Ansprechpartner im Rathaus ist die "
            "Wirtschaftsförderung.\n\n"
            "Aktuelle Themen:\n\n"
            "- Belebung der Innenstadt und Umgang mit Leerstand\n"
            "- Digitale Angebote der Verwaltung\n"
            "- Fachkräfte und Zuzug in die Region"
        ),
        size_class=SizeClass.MEDIUM,
        street="Marktplatz 1",
        postcode=PC_EILENBURG,
        competences=(
            "stadtplanung",
            "wirtschaftsfoerderung",
            "leerstandsmanagement",
            "e-government",
            "verwaltungsmanagement",
        ),
        offers=(
            (
                Cat.DATA,
                "Geodaten und Statistiken der Stadt: Bebauungspläne, Einwohnerzahlen, "
                "Leerstandskataster",
            ),
            (Cat.ROOMS, "Arbeitsplätze für Projektteams im Rathaus und im Bürgerhaus"),
            (Cat.CONTACTS, "Kontakte zu Unternehmen, Vereinen und Ortschaftsräten"),
        ),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Praxisprojekte zur Belebung der Innenstadt und zum Leerstand"),
            (
                Cat.RESEARCH_PARTNER,
                "Wissenschaftliche Begleitung des integrierten Stadtentwicklungskonzepts",
            ),
            (Cat.SKILLED_STAFF, "Nachwuchs für Stadtplanung und Verwaltungsdigitalisierung"),
        ),
    ),
    OrganisationSpec(
        TOWN_ZEITZ,
        Kind.TOWN,
        ZEITZ,
        "Stadt an der Weißen Elster im Burgenlandkreis und Partnerstadt im Programm "
        "„Transfer über Köpfe“.",
        description=(
            "Zeitz gestaltet den **Strukturwandel** im mitteldeutschen Revier: Industriebrachen "
            "sollen neu genutzt, die Altstadt belebt und neue Arbeitsplätze angesiedelt werden. "
            "Die Stadtplanung koordiniert die Zusammenarbeit mit der Universität Leipzig und "
            "sucht Partner, die Ideen gemeinsam mit den Bürgerinnen und Bürgern erproben."
        ),
        size_class=SizeClass.LARGE,
        street="Altmarkt 1",
        postcode=PC_ZEITZ,
        competences=(
            "stadtplanung",
            "strukturwandel",
            "buergerbeteiligung",
            "klimaschutz",
            "foerdermittel",
        ),
        offers=(
            (Cat.DATA, "Stadtplanungs- und Verkehrsdaten, Luftbilder und historische Karten"),
            (Cat.ROOMS, "Projekträume im Rathaus und in leerstehenden Läden der Altstadt"),
            (Cat.CONTACTS, "Kontakte zu Wirtschaft, Vereinen und Stadtrat"),
        ),
        needs=(
            (
                Cat.PRACTICE_PROJECTS,
                "Studentische Projekte zum Strukturwandel und zur Nachnutzung von Industriebrachen",
            ),
            (Cat.RESEARCH_PARTNER, "Forschungspartner für die Auswertung der Bürgerbeteiligung"),
            (Cat.SKILLED_STAFF, "Fachkräfte für Klimaschutz und Stadtentwicklung"),
        ),
    ),
    # University units
    OrganisationSpec(
        TRANSFER_UNIT,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Koordiniert „Transfer über Köpfe“ und vermittelt zwischen Hochschule, Städten und "
        "Partnern vor Ort.",
        description=(
            "Die Transferstelle koordiniert das Programm „Transfer über Köpfe“. Sie bringt "
            "Herausforderungen aus Eilenburg und Zeitz mit Lehrveranstaltungen, "
            "Abschlussarbeiten und Forschung der Universität Leipzig zusammen und begleitet "
            "die Projekte von der Idee bis zur Empfehlung."
        ),
        size_class=SizeClass.SMALL,
        street="Ritterstraße 26",
        postcode="04109",
        competences=("wissenschaftskommunikation", "moderation", "regionalentwicklung"),
        offers=(
            (Cat.CONTACTS, "Vermittlung zwischen Instituten, Städten und Betrieben"),
            (Cat.MENTORING, "Beratung zu Transferformaten und Kooperationsvereinbarungen"),
        ),
        needs=(
            (Cat.CONTACTS, "Ansprechpersonen in Betrieben und Vereinen vor Ort"),
            (Cat.ROOMS, "Arbeitsräume für Studierende in Eilenburg und Zeitz"),
        ),
    ),
    OrganisationSpec(
        SMILE,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Berät Studierende und Forschende, die gründen wollen – auch mit Standort in Eilenburg "
        "oder Zeitz.",
        description=(
            "SMILE begleitet Gründungsideen aus der Universität vom ersten Workshop bis zur "
            "Finanzierung. Gründungsteams, die in Eilenburg oder Zeitz starten wollen, "
            "vermitteln wir an Wirtschaftsförderung und Gewerbevereine vor Ort."
        ),
        size_class=SizeClass.SMALL,
        street="Hohe Straße 27",
        postcode="04107",
        competences=("gruendung", "betriebswirtschaft", "foerdermittel"),
        offers=(
            (Cat.MENTORING, "Gründungsberatung, Ideenworkshops und Coaching"),
            (Cat.FUNDING, "Hilfe beim Antrag auf Gründungsstipendien"),
        ),
        needs=(
            (Cat.ROOMS, "Coworking-Plätze für Gründungsteams in Eilenburg und Zeitz"),
            (Cat.CONTACTS, "Mentorinnen und Mentoren aus Betrieben der Region"),
        ),
    ),
    OrganisationSpec(
        GEOGRAPHY,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Regional-, Stadt- und Wirtschaftsgeographie; betreut Praxisprojekte in Eilenburg und "
        "Zeitz.",
        description=(
            "Das Institut für Geographie forscht zu Regionalentwicklung, Stadtumbau und "
            "Strukturwandel in Mitteldeutschland. Studierende arbeiten in Praxisprojekten mit "
            "**GIS**, Kartierungen und Befragungen.\n\n"
            "- Standort- und Erreichbarkeitsanalysen\n"
            "- Leerstandskartierung und Flächenmonitoring\n"
            "- Befragungen zu Zuzug und Pendeln"
        ),
        size_class=SizeClass.MEDIUM,
        street="Johannisallee 19",
        postcode="04103",
        competences=(
            "geoinformatik",
            "raumanalyse",
            "regionalentwicklung",
            "fernerkundung",
            "demografie",
        ),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Praxisprojekte zu Standortanalysen und Leerstandskartierung mit GIS",
            ),
            (Cat.THESES, "Bachelor- und Masterarbeiten zu Regionalentwicklung und Strukturwandel"),
            (Cat.RESEARCH_PARTNER, "Begleitforschung zu Zuzug, Pendeln und Flächennutzung"),
        ),
        needs=(
            (Cat.DATA, "Kommunale Geodaten, Flächen- und Einwohnerstatistiken"),
            (Cat.CONTACTS, "Praxispartner für Feldarbeit und Interviews vor Ort"),
        ),
    ),
    OrganisationSpec(
        SOCIOLOGY,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Empirische Sozialforschung zu Engagement, Zuzug und Zusammenhalt in Klein- und "
        "Mittelstädten.",
        description=(
            "Das Institut für Soziologie untersucht, wie Engagement, Zuzug und Zusammenhalt in "
            "Klein- und Mittelstädten entstehen. Hier ist auch die **Begleitforschung** des "
            "Programms angesiedelt, die Befragungen und Fallstudien in Eilenburg und Zeitz "
            "durchführt."
        ),
        size_class=SizeClass.MEDIUM,
        street="Beethovenstraße 15",
        postcode="04107",
        competences=("empirische-sozialforschung", "datenanalyse", "ehrenamt", "integration"),
        offers=(
            (
                Cat.RESEARCH_PARTNER,
                "Begleitforschung und Befragungen zu Zuzug, Engagement und Zusammenhalt",
            ),
            (Cat.THESES, "Abschlussarbeiten mit Befragungen in Vereinen und Betrieben"),
        ),
        needs=(
            (Cat.CONTACTS, "Zugang zu Vereinen, Betrieben und Rückkehrenden für Interviews"),
            (Cat.DATA, "Anonymisierte Daten zu Zu- und Wegzügen der Partnerstädte"),
        ),
    ),
    OrganisationSpec(
        URBAN,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Stadtumbau, Immobilienwirtschaft und Flächenentwicklung in wachsenden und "
        "schrumpfenden Städten.",
        description=(
            "Das Institut verbindet Stadtentwicklung mit Immobilien- und Bauwirtschaft. In "
            "Projekten mit Wohnungsgenossenschaften und Städten entstehen Konzepte für "
            "Umnutzung, Sanierung und altersgerechtes Wohnen."
        ),
        size_class=SizeClass.SMALL,
        street="Grimmaische Straße 12",
        postcode="04109",
        competences=(
            "stadtplanung",
            "wohnungswirtschaft",
            "leerstandsmanagement",
            "quartiersentwicklung",
            "bauwesen",
        ),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Praxisprojekte zu Leerstand, Umnutzung und Quartiersentwicklung",
            ),
            (Cat.RESEARCH_PARTNER, "Machbarkeitsstudien für Umnutzung und Sanierung"),
        ),
        needs=(
            (Cat.DATA, "Daten zu Wohnungsbestand, Leerstand und Mieten"),
            (Cat.CONTACTS, "Eigentümerinnen und Eigentümer leerstehender Gebäude"),
        ),
    ),
    OrganisationSpec(
        COMPUTING,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Softwaretechnik und Datenplattformen für Verwaltung, Handwerk und kleine Unternehmen.",
        description=(
            "In den Softwaretechnik-Praktika entwickeln Studierende im Team Anwendungen für "
            "echte Auftraggeber: von der Terminbuchung für einen Verein bis zur Datenplattform "
            "einer Stadt. Partner bringen die Aufgabe mit und stehen für Rückfragen bereit."
        ),
        size_class=SizeClass.MEDIUM,
        street="Augustusplatz 10",
        postcode="04109",
        competences=("softwareentwicklung", "webentwicklung", "offene-daten", "ux-design"),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Softwareprojekte im Praktikum: Apps, Datenplattformen und Websites für "
                "Partner vor Ort",
            ),
            (Cat.THESES, "Abschlussarbeiten zu Digitalisierung in Verwaltung und Handwerk"),
        ),
        needs=(
            (Cat.DATA, "Offene Daten der Städte für Lehrprojekte"),
            (Cat.CONTACTS, "Betriebe, die ihre Abläufe mit Studierenden digitalisieren wollen"),
        ),
    ),
    OrganisationSpec(
        MEDIA,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Stadtmarketing, Bürgerbeteiligung und lokale Öffentlichkeit.",
        description=(
            "Das Institut forscht zu lokaler Öffentlichkeit, Stadtmarketing und "
            "Bürgerbeteiligung. In Seminaren entwickeln Studierende Kommunikationskonzepte und "
            "Kampagnen für Städte, Vereine und Betriebe."
        ),
        size_class=SizeClass.SMALL,
        street="Nikolaistraße 27",
        postcode="04109",
        competences=(
            "oeffentlichkeitsarbeit",
            "stadtmarketing",
            "social-media",
            "buergerbeteiligung",
        ),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Kommunikationskonzepte und Social-Media-Kampagnen im Seminar",
            ),
            (Cat.RESEARCH_PARTNER, "Studien zu lokaler Öffentlichkeit und Beteiligung"),
        ),
        needs=((Cat.CONTACTS, "Partner für Fallstudien zu Stadtmarketing und Lokalmedien"),),
    ),
    OrganisationSpec(
        CULTURE,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Kulturelles Erbe, Industriekultur und Kulturarbeit im ländlichen Raum.",
        description=(
            "Das Institut beschäftigt sich mit kulturellem Erbe, Industriekultur und "
            "Kulturarbeit jenseits der Großstadt. Studierende entwickeln mit Vereinen "
            "Ausstellungen, Stadtführungen und Veranstaltungsformate."
        ),
        size_class=SizeClass.SMALL,
        street="Schillerstraße 6",
        postcode="04109",
        competences=("kulturmanagement", "kulturerbe", "tourismus"),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Studentische Projekte zu Industriekultur, Ausstellungen und Stadtgeschichte",
            ),
            (Cat.THESES, "Abschlussarbeiten zu Kulturarbeit im ländlichen Raum"),
        ),
        needs=(
            (Cat.DATA, "Zugang zu Archiven, Fotos und Sammlungen der Vereine"),
            (Cat.CONTACTS, "Kulturvereine und Museen als Projektpartner"),
        ),
    ),
    # Eilenburg: companies and associations
    OrganisationSpec(
        "Muldental Metallbau GmbH",
        Kind.COMPANY,
        EILENBURG,
        "Metall- und Stahlbau mit 28 Beschäftigten: Treppen, Geländer, Hallen. Sucht Fachkräfte "
        "und Ideen für die Betriebsnachfolge.",
        description=(
            "Seit 1991 fertigt die Muldental Metallbau GmbH Treppen, Geländer, Carports und "
            "Stahlhallen für Kunden in ganz Nordsachsen. Der Betrieb bildet jedes Jahr aus und "
            "bereitet die **Übergabe an die nächste Generation** vor."
        ),
        sector=Sector.C,
        size_class=SizeClass.SMALL,
        street="Dübener Landstraße 41",
        postcode=PC_EILENBURG,
        competences=("metallbau", "cnc-fertigung", "berufsausbildung", "unternehmensnachfolge"),
        offers=(
            (Cat.INTERNSHIPS, "Praktikumsplätze in der Metallbearbeitung"),
            (
                Cat.THESES,
                "Themen für Abschlussarbeiten zur Betriebsnachfolge und zur digitalen Fertigung",
            ),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Fachkräfte für CNC-Fertigung"),
            (Cat.MENTORING, "Beratung zur Betriebsnachfolge im Familienbetrieb"),
        ),
    ),
    OrganisationSpec(
        "Bäckerei Sommerfeld",
        Kind.COMPANY,
        EILENBURG,
        "Familienbäckerei in dritter Generation mit vier Filialen in Eilenburg und Umgebung.",
        description=(
            "Die Bäckerei Sommerfeld backt in dritter Generation mit Sauerteig und Mehl aus "
            "der Region. Neben den vier Filialen beliefert sie Kitas und Schulen und möchte "
            "die Bestellung im Internet einführen."
        ),
        sector=Sector.C,
        size_class=SizeClass.SMALL,
        street="Torgauer Straße 12",
        postcode=PC_EILENBURG,
        competences=("lebensmittelhandwerk", "berufsausbildung"),
        offers=((Cat.INTERNSHIPS, "Praktika in Backstube und Verkauf"),),
        needs=(
            (Cat.SKILLED_STAFF, "Bäckerinnen, Bäcker und Verkaufspersonal"),
            (Cat.PRACTICE_PROJECTS, "Ideen für Online-Bestellung und Social Media"),
        ),
    ),
    OrganisationSpec(
        "Wohnungsgenossenschaft Muldeaue eG",
        Kind.COMPANY,
        EILENBURG,
        "Rund 1.200 Wohnungen in Eilenburg; modernisiert den Bestand und erprobt Probewohnen "
        "für Rückkehrende.",
        description=(
            "Die Genossenschaft vermietet rund 1.200 Wohnungen in Eilenburg-Ost und der "
            "Innenstadt. Mit **Probewohnen** lädt sie Rückkehrende und Familien aus Leipzig "
            "ein, das Leben in der Kleinstadt für einige Wochen auszuprobieren."
        ),
        sector=Sector.L,
        size_class=SizeClass.SMALL,
        street="Walther-Rathenau-Straße 18",
        postcode=PC_EILENBURG,
        competences=("wohnungswirtschaft", "quartiersentwicklung", "altersgerechtes-wohnen"),
        offers=(
            (
                Cat.ROOMS,
                "Gästewohnungen für Projektteams und ein Quartierstreff für Veranstaltungen",
            ),
            (Cat.DATA, "Anonymisierte Daten zu Leerstand und Mieterwechseln"),
        ),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Konzepte für Probewohnen und die Ansprache Rückkehrender"),
            (Cat.RESEARCH_PARTNER, "Begleitung einer Befragung der Mitglieder"),
        ),
    ),
    OrganisationSpec(
        "Nordsachsen Logistik GmbH",
        Kind.COMPANY,
        EILENBURG,
        "Spedition und Kontraktlogistik mit 60 Beschäftigten; sucht Nachwuchs für IT und "
        "Disposition.",
        description=(
            "Die Nordsachsen Logistik GmbH transportiert und lagert Waren für Industrie und "
            "Handel zwischen Leipzig und Torgau. Der Fuhrpark wird schrittweise elektrisch, "
            "die Disposition digital."
        ),
        sector=Sector.H,
        size_class=SizeClass.MEDIUM,
        street="Am Güterbahnhof 5",
        postcode=PC_EILENBURG,
        competences=("logistik", "elektromobilitaet", "digitalisierung"),
        offers=(
            (Cat.INTERNSHIPS, "Praktika in Disposition, Lager und IT"),
            (Cat.THESES, "Abschlussarbeiten zu Tourenplanung und Lagerdigitalisierung"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Nachwuchs für IT und Disposition"),
            (Cat.PRACTICE_PROJECTS, "Studie zur Umstellung des Fuhrparks auf E-Lkw"),
        ),
    ),
    OrganisationSpec(
        "Tischlerei Hartmann & Söhne",
        Kind.COMPANY,
        EILENBURG,
        "Handwerksbetrieb für Fenster, Türen und Innenausbau; sucht eine Nachfolgelösung.",
        description=(
            "Die Tischlerei Hartmann baut seit drei Generationen Fenster, Türen und Treppen "
            "aus Holz. Der Inhaber sucht in den nächsten Jahren eine Nachfolge – gern auch "
            "Quereinsteigende mit Meisterbrief."
        ),
        sector=Sector.F,
        size_class=SizeClass.MICRO,
        street="Ziegelstraße 9",
        postcode=PC_EILENBURG,
        competences=("tischlerei", "unternehmensnachfolge"),
        offers=((Cat.INTERNSHIPS, "Schnupperpraktika in der Werkstatt"),),
        needs=(
            (Cat.MENTORING, "Unterstützung bei der Suche nach einer Nachfolge"),
            (Cat.SKILLED_STAFF, "Tischlergesellin oder Tischlergeselle"),
        ),
    ),
    OrganisationSpec(
        "Tourismusverein Muldenland e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Bündelt Gastgeber, Radwege und Ausflugsziele rund um Eilenburg und die Mulde.",
        description=(
            "Der Tourismusverein Muldenland vernetzt Gastgeber, Museen und Radverleihe an der "
            "Mulde. Er betreibt die Gästeinformation am Markt und gibt jedes Jahr eine "
            "Radkarte heraus."
        ),
        size_class=SizeClass.MICRO,
        street="Rinckartstraße 2",
        postcode=PC_EILENBURG,
        competences=("tourismus", "radverkehr", "stadtmarketing"),
        offers=((Cat.CONTACTS, "Netzwerk aus Gastgebern, Museen und Radverleihen"),),
        needs=(
            (Cat.VOLUNTEERS, "Ehrenamtliche für den Radwege-Check und Gästeführungen"),
            (Cat.PRACTICE_PROJECTS, "Digitale Radkarte und Befragung der Gäste"),
        ),
    ),
    OrganisationSpec(
        "SV Muldeaue Eilenburg e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Sportverein mit Fußball, Kanu und Gesundheitssport; 450 Mitglieder und viele "
        "Ehrenamtliche.",
        description=(
            "Der SV Muldeaue ist mit 450 Mitgliedern einer der größten Vereine der Stadt. "
            "Angeboten werden:\n\n"
            "- Fußball für alle Altersgruppen\n"
            "- Kanu auf der Mulde\n"
            "- Gesundheitssport und Reha-Gruppen"
        ),
        size_class=SizeClass.MICRO,
        street="Auenweg 14",
        postcode=PC_EILENBURG,
        competences=("sport", "ehrenamt", "jugendarbeit"),
        offers=((Cat.ROOMS, "Vereinsheim und Sporthalle für Veranstaltungen"),),
        needs=(
            (
                Cat.VOLUNTEERS,
                "Übungsleiterinnen und Übungsleiter für Kinder- und Gesundheitssport",
            ),
            (Cat.FUNDING, "Fördermittel für einen neuen Kanusteg"),
        ),
    ),
    OrganisationSpec(
        "Muldeufer Kulturverein e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Organisiert Lesungen, Konzerte und ein Sommerkino am Fluss.",
        description=(
            "Der Muldeufer Kulturverein bringt Kultur an den Fluss: Lesungen, Konzerte und "
            "jeden August das **Sommerkino am Muldeufer**. Alles wird ehrenamtlich organisiert."
        ),
        size_class=SizeClass.MICRO,
        street="Am Mühlgraben 3",
        postcode=PC_EILENBURG,
        competences=("kulturmanagement", "ehrenamt"),
        offers=((Cat.ROOMS, "Bühne und Sommerkino am Fluss für Veranstaltungen"),),
        needs=(
            (Cat.VOLUNTEERS, "Helferinnen und Helfer für Sommerkino und Lesungen"),
            (Cat.PRACTICE_PROJECTS, "Ein Programmheft und Social-Media-Auftritt für die Saison"),
        ),
    ),
    OrganisationSpec(
        STARTUP,
        Kind.STARTUP,
        EILENBURG,
        "Ausgründung aus der Universität: vermittelt gebrauchte Baustoffe aus Rückbau an "
        "Handwerk und Privatleute.",
        description=(
            "Kreislaufwerk rettet Türen, Ziegel, Dielen und Fenster aus dem Rückbau und "
            "vermittelt sie an Handwerk und Privatleute. Die Idee entstand in einem "
            "Praxisprojekt; heute baut das Team ein **Materialkataster** für die Region auf."
        ),
        sector=Sector.G,
        size_class=SizeClass.MICRO,
        street="Puschkinstraße 27",
        postcode=PC_EILENBURG,
        competences=("kreislaufwirtschaft", "gruendung", "bauwesen", "geoinformatik"),
        offers=(
            (Cat.PRACTICE_PROJECTS, "Praxisprojekt: Materialkataster für Rückbauflächen mit GIS"),
            (Cat.DATA, "Daten zu wiederverwendbaren Baustoffen aus Rückbau"),
        ),
        needs=(
            (Cat.MENTORING, "Beratung zu Finanzierung und Wachstum"),
            (Cat.ROOMS, "Lagerfläche für gebrauchte Baustoffe"),
            (Cat.SKILLED_STAFF, "Werkstudierende für Website und Logistik"),
        ),
    ),
    OrganisationSpec(
        TRADE_EILENBURG,
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Zusammenschluss von rund 80 Betrieben aus Handel, Handwerk und Dienstleistung.",
        description=(
            "Der Gewerbeverein vertritt rund 80 Betriebe aus Eilenburg und Umgebung. Er "
            "organisiert den Unternehmertag und den Ausbildungsmarkt und arbeitet eng mit der "
            "Wirtschaftsförderung der Stadt zusammen."
        ),
        size_class=SizeClass.MICRO,
        street="Leipziger Straße 55",
        postcode=PC_EILENBURG,
        competences=("wirtschaftsfoerderung", "fachkraeftesicherung", "stadtmarketing"),
        offers=(
            (Cat.CONTACTS, "Kontakte zu über 80 Betrieben in Eilenburg und Umgebung"),
            (Cat.MENTORING, "Erfahrene Unternehmerinnen und Unternehmer als Mentoren"),
        ),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Studie zur Fachkräftelage im Eilenburger Handwerk"),
            (Cat.VOLUNTEERS, "Helfende für den Ausbildungsmarkt im Frühjahr"),
        ),
    ),
    # Zeitz: companies and associations
    OrganisationSpec(
        "Zeitzer Werkstätten GmbH",
        Kind.COMPANY,
        ZEITZ,
        "Tischlerei und Möbelbau mit 15 Beschäftigten; fertigt Einbauten für Praxen, Läden und "
        "Museen.",
        description=(
            "Die Zeitzer Werkstätten fertigen Möbel und Einbauten nach Maß für Arztpraxen, "
            "Läden und Museen. Auf dem CNC-Bearbeitungszentrum entstehen auch Einzelstücke; "
            "künftig sollen sie über einen **Online-Shop** verkauft werden."
        ),
        sector=Sector.C,
        size_class=SizeClass.SMALL,
        street="Naumburger Straße 48",
        postcode=PC_ZEITZ,
        competences=("tischlerei", "cnc-fertigung", "berufsausbildung"),
        offers=(
            (Cat.INTERNSHIPS, "Praktikumsplätze in Tischlerei und Möbelbau"),
            (Cat.EQUIPMENT, "CNC-Bearbeitungszentrum für Holz für gemeinsame Projekte"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Tischlerinnen und Tischler, auch Quereinsteigende"),
            (Cat.PRACTICE_PROJECTS, "Online-Shop und Produktfotos für Einzelstücke"),
        ),
    ),
    OrganisationSpec(
        "Elster-IT Service GmbH",
        Kind.COMPANY,
        ZEITZ,
        "IT-Dienstleister für Handwerk, Praxen und Vereine: Netzwerke, Cloud und Datenschutz.",
        description=(
            "Elster-IT betreut Netzwerke, Server und Arbeitsplätze von Handwerksbetrieben, "
            "Arztpraxen und Vereinen im Burgenlandkreis. Das Team berät auch zu IT-Sicherheit "
            "und Datenschutz."
        ),
        sector=Sector.J,
        size_class=SizeClass.MICRO,
        street="Schützenstraße 11",
        postcode=PC_ZEITZ,
        competences=("it-administration", "it-sicherheit", "datenschutz", "webentwicklung"),
        offers=(
            (Cat.INTERNSHIPS, "Praktika in IT-Administration und Webentwicklung"),
            (Cat.MENTORING, "IT-Sicherheitsberatung für Vereine"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Fachinformatikerinnen und Fachinformatiker"),
            (Cat.THESES, "Abschlussarbeit zu Datenschutz in kleinen Betrieben"),
        ),
    ),
    OrganisationSpec(
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        Kind.COMPANY,
        ZEITZ,
        "Genossenschaft mit 900 Wohnungen; sucht Konzepte gegen Leerstand und für "
        "altersgerechtes Wohnen.",
        description=(
            "Die Genossenschaft vermietet 900 Wohnungen mit Blick auf Schloss Moritzburg. "
            "Viele Mitglieder sind über 70; deshalb baut sie Wohnungen barrierearm um und "
            "sucht Ideen, wie leerstehende Wohnungen neue Bewohnerinnen und Bewohner finden."
        ),
        sector=Sector.L,
        size_class=SizeClass.SMALL,
        street="Geraer Straße 22",
        postcode=PC_ZEITZ,
        competences=("wohnungswirtschaft", "altersgerechtes-wohnen", "leerstandsmanagement"),
        offers=(
            (Cat.ROOMS, "Leerstehende Wohnungen für Probewohnen und Projektwerkstätten"),
            (Cat.DATA, "Daten zu Leerstand und Altersstruktur der Mieterschaft"),
        ),
        needs=(
            (
                Cat.PRACTICE_PROJECTS,
                "Konzepte gegen Leerstand und für altersgerechtes Wohnen",
            ),
            (Cat.RESEARCH_PARTNER, "Begleitforschung zum Probewohnen"),
        ),
    ),
    OrganisationSpec(
        "Backstube Domgasse Zeitz",
        Kind.COMPANY,
        ZEITZ,
        "Handwerksbäckerei mit Café in der Altstadt; backt nach Rezepten aus der Region.",
        description=(
            "Die Backstube Domgasse backt Zeitzer Spezialitäten nach alten Rezepten und "
            "betreibt ein kleines Café in der Altstadt. Der Inhaber bildet selbst aus und "
            "möchte mehr Gäste aus dem Elster-Radweg in die Altstadt holen."
        ),
        sector=Sector.C,
        size_class=SizeClass.MICRO,
        street="Domgasse 6",
        postcode=PC_ZEITZ,
        competences=("lebensmittelhandwerk", "gastronomie"),
        offers=((Cat.INTERNSHIPS, "Praktikum in Backstube und Café"),),
        needs=(
            (Cat.SKILLED_STAFF, "Auszubildende im Bäckerhandwerk"),
            (Cat.PRACTICE_PROJECTS, "Marketingkonzept für das Altstadtcafé"),
        ),
    ),
    OrganisationSpec(
        "Elstertal Solartechnik GmbH",
        Kind.COMPANY,
        ZEITZ,
        "Plant und montiert Photovoltaik und Wärmepumpen für Haushalte und Betriebe im "
        "Burgenlandkreis.",
        description=(
            "Elstertal Solartechnik plant und montiert Photovoltaikanlagen, Speicher und "
            "Wärmepumpen. Für Betriebe und Kommunen prüft das Team, welche Dächer sich "
            "eignen, und nutzt dafür Solarkataster und **GIS**."
        ),
        sector=Sector.F,
        size_class=SizeClass.SMALL,
        street="Am Elsterufer 15",
        postcode=PC_ZEITZ,
        competences=("erneuerbare-energien", "gebaeudetechnik", "klimaschutz"),
        offers=(
            (Cat.INTERNSHIPS, "Praktika in Planung und Montage von Photovoltaik"),
            (Cat.THESES, "Abschlussarbeiten zum Solarpotenzial von Dächern"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Elektronikerinnen und Elektroniker für die Solarmontage"),
            (Cat.DATA, "Dachflächen- und Gebäudedaten der Stadt"),
        ),
    ),
    OrganisationSpec(
        "Zeitzer Heimatverein e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Pflegt die Stadtgeschichte, führt durch die Altstadt und sammelt Erinnerungen an die "
        "Industriezeit.",
        description=(
            "Der Heimatverein sammelt Fotos, Karten und Erinnerungen aus 1.000 Jahren "
            "Stadtgeschichte – besonders aus der Zeit der Zuckerfabriken und des "
            "Kinderwagenbaus. Mitglieder führen durch Altstadt und unterirdische Gänge."
        ),
        size_class=SizeClass.MICRO,
        street="Rahnestraße 8",
        postcode=PC_ZEITZ,
        competences=("kulturerbe", "ehrenamt", "tourismus"),
        offers=(
            (
                Cat.DATA,
                "Archiv mit Fotos, Karten und Zeitzeugenberichten zur Industriegeschichte",
            ),
            (Cat.CONTACTS, "Kontakte zu Zeitzeuginnen und Zeitzeugen"),
        ),
        needs=(
            (Cat.VOLUNTEERS, "Ehrenamtliche für Archiv und Stadtführungen"),
            (Cat.PRACTICE_PROJECTS, "Digitale Stadtführung zu den unterirdischen Gängen"),
        ),
    ),
    OrganisationSpec(
        "Tourismusverein Zeitzer Land e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Wirbt für Schloss, Dom und unterirdische Gänge der Stadt und für den Elster-Radweg.",
        description=(
            "Der Tourismusverein Zeitzer Land wirbt für Schloss Moritzburg, den Dom und die "
            "unterirdischen Gänge. Gemeinsam mit Gastgebern entlang des Elster-Radwegs "
            "entwickelt er Angebote für Tagesgäste aus Leipzig."
        ),
        size_class=SizeClass.MICRO,
        street="Altmarkt 16",
        postcode=PC_ZEITZ,
        competences=("tourismus", "stadtmarketing", "radverkehr"),
        offers=((Cat.CONTACTS, "Kontakte zu Gastgebern und Ausflugszielen"),),
        needs=(
            (
                Cat.PRACTICE_PROJECTS,
                "Befragung der Gäste und Marketingideen für den Elster-Radweg",
            ),
            (Cat.VOLUNTEERS, "Gästeführerinnen und Gästeführer"),
        ),
    ),
    OrganisationSpec(
        "Kanuverein Weiße Elster Zeitz e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Kanu- und Wassersport für alle Altersgruppen; betreibt ein Bootshaus an der Elster.",
        description=(
            "Der Kanuverein bietet Training für Kinder, Jugendliche und Erwachsene und "
            "geführte Touren auf der Weißen Elster. Das Bootshaus aus den 1930er-Jahren "
            "muss saniert werden."
        ),
        size_class=SizeClass.MICRO,
        street="Am Bootshaus 2",
        postcode=PC_ZEITZ,
        competences=("sport", "jugendarbeit", "naturschutz"),
        offers=(
            (Cat.EQUIPMENT, "Boote und Ausrüstung für Teamtage und Projektwochen"),
            (Cat.ROOMS, "Bootshaus für Workshops am Wasser"),
        ),
        needs=(
            (Cat.VOLUNTEERS, "Trainerinnen und Trainer für den Nachwuchs"),
            (Cat.FUNDING, "Fördermittel für die Sanierung des Bootshauses"),
        ),
    ),
    OrganisationSpec(
        TRADE_ZEITZ,
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Verein der Händler, Handwerksbetriebe und Dienstleister in Zeitz.",
        description=(
            "Der Verein vertritt Händler, Handwerk und Dienstleister in Zeitz. Er organisiert "
            "den Altstadtmarkt und setzt sich für eine lebendige Innenstadt ein.\n\n"
            "- Altstadtmarkt und verkaufsoffene Sonntage\n"
            "- Ausbildungsbörse mit den Schulen der Stadt"
        ),
        size_class=SizeClass.MICRO,
        street="Wendische Straße 30",
        postcode=PC_ZEITZ,
        competences=("wirtschaftsfoerderung", "stadtmarketing", "fachkraeftesicherung"),
        offers=((Cat.CONTACTS, "Kontakte zu Handel und Handwerk in Zeitz"),),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Konzept zur Belebung der Geschäfte in der Altstadt"),
            (Cat.SKILLED_STAFF, "Nachwuchs für Handel und Handwerk"),
        ),
    ),
)
