"""Tables for `manage.py generate_data`: sizes of the presets, and the pieces that the generator
combines into German texts (names of organisations, people, challenges, projects and
recommendations over many themes). The combining itself is code, in `transferraum.demo.generate`.

Every theme names the topic field of the catalogue it belongs to and the competences that fit
it, so that generated challenges, projects and people meet in search and in "Passt zu uns".
"""

from __future__ import annotations

from dataclasses import dataclass

from transferraum.actors.models import ListingCategory, Organisation, Sector

# Generated data is recognised by these markers (`--replace` deletes only what carries them).
EMAIL_DOMAIN = "bench.example"
WEBSITE_SUFFIX = ".bench.example"
ROUND_PREFIX = "Lastprobe"

# The load test's logins; the password is documented in docs/large-data.md.
PERSONA_PASSWORD = "bench-transfer-2026"  # noqa: S105
PERSONA_STUDENTS = 10  # student1@bench.example … student10@bench.example
TEAM_PERSONA = "team@bench.example"
PERSONAS: tuple[tuple[str, str], ...] = (
    ("koordination@bench.example", "Koordination (coordinator)"),
    ("stadt@bench.example", "Stadtverwaltung (town officer, admin of a town administration)"),
    ("firma@bench.example", "Unternehmen (company owner)"),
    ("betreuung@bench.example", "Betreuung (supervisor of projects in every round)"),
    ("forschung@bench.example", "Begleitforschung (researcher)"),
    (
        "student1@bench.example",
        "Studierende (student1 … student10, round in its application phase)",
    ),
    (TEAM_PERSONA, "Studentin in einem Team (round at work, workspace)"),
)


@dataclass(frozen=True)
class Size:
    """How much one preset generates."""

    organisations: int
    people: int  # staff, supervisors, researchers, founders, public (students come on top)
    challenges: int
    rounds: int
    students_per_round: int
    projects_per_round: tuple[int, int]  # fewest, most
    recommendations: int
    notifications_per_person: float
    follows_per_challenge: float


# full: the region of issue 18 (40,000 organisations + 60,000 people, 50,000 of them students
# in ten rounds of 5,000); medium and small keep the shape at a tenth and a hundredth.
SIZES: dict[str, Size] = {
    "small": Size(400, 100, 200, 6, 84, (8, 14), 100, 1.0, 1.0),
    "medium": Size(4_000, 1_000, 2_000, 10, 500, (40, 85), 1_000, 1.0, 1.0),
    "full": Size(40_000, 10_000, 20_000, 10, 5_000, (400, 850), 10_000, 1.0, 1.0),
}

BATCH = 2_000  # rows per bulk_create and per transaction


# --- Themes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    key: str
    topic: str  # slug of a TopicField of the catalogue
    competences: tuple[str, ...]  # slugs of the starter vocabulary
    subjects: tuple[str, ...]  # what a challenge is about ("leerstehende Ladenlokale")
    problems: tuple[str, ...]  # a sentence about the problem, {subject} and {town} filled in
    goals: tuple[str, ...]  # what a good result would be
    actions: tuple[str, ...]  # title beginnings ("Konzept für", "Analyse der")
    effects: tuple[str, ...]  # expected effect of a recommendation
    indicator: str


THEMES: tuple[Theme, ...] = (
    Theme(
        "leerstand",
        "innenstadt-leerstand",
        ("leerstandsmanagement", "stadtplanung", "stadtmarketing", "quartiersentwicklung"),
        (
            "leerstehende Ladenlokale",
            "die Belebung der Innenstadt",
            "Zwischennutzungen am Marktplatz",
            "Leerstand in der Altstadt",
            "die Zukunft der Einkaufsstraße",
            "Pop-up-Läden in der Innenstadt",
        ),
        (
            "In {town} stehen rund um den Markt viele Geschäfte leer; ein Konzept für {subject} "
            "beschäftigt "
            "Stadtrat und Händlerschaft seit Jahren.",
            "Seit der Schließung zweier Filialisten fehlt in {town} die Laufkundschaft; für "
            "{subject} gibt es bisher keine gemeinsame Strategie.",
            "Eigentümerinnen und Eigentümer leerer Häuser in {town} sind schwer zu erreichen, "
            "und über {subject} weiß die Verwaltung wenig.",
        ),
        (
            "Eine Übersicht aller Leerstände mit Ansprechpersonen und ein Vorschlag für drei "
            "Zwischennutzungen.",
            "Ein Konzept, wie Händler, Vereine und Stadt die Innenstadt gemeinsam beleben.",
            "Eine Befragung der Passantinnen und Passanten mit klaren Empfehlungen.",
        ),
        ("Konzept für", "Bestandsaufnahme rund um", "Ideen für", "Strategie für"),
        (
            "Weniger Leerstand und mehr Besucherinnen und Besucher in der Innenstadt.",
            "Drei Ladenlokale werden innerhalb eines Jahres wieder genutzt.",
        ),
        "leerstehende Ladenlokale in der Innenstadt",
    ),
    Theme(
        "mobilitaet",
        "mobilitaet",
        ("verkehrsplanung", "radverkehr", "oepnv", "elektromobilitaet"),
        (
            "den Radverkehr zum Bahnhof",
            "Rufbusse im ländlichen Raum",
            "Mitfahrbänke in den Ortsteilen",
            "den Schulweg mit Bus und Rad",
            "Carsharing auf dem Land",
            "die Anbindung der Gewerbegebiete",
        ),
        (
            "Wer in den Ortsteilen von {town} kein Auto hat, kommt abends kaum nach Hause; "
            "ein Konzept für {subject} wird im Stadtrat seit Langem diskutiert.",
            "Pendlerinnen und Pendler aus {town} fahren fast alle mit dem Auto; über {subject} "
            "fehlen belastbare Zahlen.",
            "Die Busse in {town} fahren oft leer, während an anderen Stellen Verbindungen "
            "fehlen; ein Konzept für {subject} soll neu gedacht werden.",
        ),
        (
            "Eine Analyse der Wege mit Karten und ein Vorschlag für ein Pilotprojekt.",
            "Ein Netzplan mit Prioritäten, den die Verwaltung dem Ausschuss vorlegen kann.",
            "Eine Befragung der Pendlerinnen und Pendler mit Empfehlungen für Verbesserungen.",
        ),
        ("Mobilitätskonzept für", "Analyse rund um", "Neue Wege für", "Pilotprojekt für"),
        (
            "Mehr Menschen fahren mit Bus, Bahn oder Rad statt mit dem Auto.",
            "Die Ortsteile sind auch abends ohne Auto erreichbar.",
        ),
        "Fahrgäste im Rufbus pro Monat",
    ),
    Theme(
        "energie",
        "energie-klima",
        ("erneuerbare-energien", "klimaschutz", "klimaanpassung", "gebaeudetechnik"),
        (
            "Solaranlagen auf kommunalen Dächern",
            "die Wärmeplanung der Gemeinde",
            "Energiegenossenschaften",
            "Hitzeschutz in Kitas und Schulen",
            "den Energieverbrauch der Sporthallen",
            "Starkregenvorsorge",
        ),
        (
            "Die kommunale Wärmeplanung in {town} muss bis 2028 stehen; für {subject} fehlen "
            "Daten und Personal.",
            "Die Energiekosten der Gebäude in {town} sind stark gestiegen; ein Konzept für "
            "{subject} könnte "
            "helfen, doch niemand hat einen Überblick.",
            "Bürgerinnen und Bürger in {town} fragen nach {subject}, die Verwaltung kann "
            "bisher keine Antworten geben.",
        ),
        (
            "Eine Potenzialanalyse mit Karten und eine Rangliste der geeigneten Gebäude.",
            "Ein Leitfaden für Bürgerinnen und Bürger und eine Informationsveranstaltung.",
            "Ein Maßnahmenplan mit Kosten, Fördermöglichkeiten und Zeitplan.",
        ),
        (
            "Potenzialanalyse für",
            "Klimaschutz rund um",
            "Energiewende vor Ort – Ideen für",
            "Leitfaden für",
        ),
        (
            "Weniger Energieverbrauch und CO₂ in den kommunalen Gebäuden.",
            "Mehr Solarstrom von Dächern der Gemeinde.",
        ),
        "installierte Solarleistung in kWp",
    ),
    Theme(
        "fachkraefte",
        "fachkraefte-demografie",
        ("fachkraeftesicherung", "berufsausbildung", "demografie", "unternehmensnachfolge"),
        (
            "die Suche nach Auszubildenden",
            "Rückkehrerinnen und Rückkehrer",
            "die Unternehmensnachfolge im Handwerk",
            "Fachkräfte aus dem Ausland",
            "Praktika für Schülerinnen und Schüler",
            "das Arbeitgeberimage der Region",
        ),
        (
            "Viele Betriebe in {town} finden keine Auszubildenden mehr; ein Konzept für {subject} "
            "wird zur "
            "Existenzfrage.",
            "In den nächsten zehn Jahren gehen in {town} ein Drittel der Beschäftigten in "
            "Rente; über {subject} wird bisher wenig gesprochen.",
            "Junge Menschen verlassen {town} nach der Schule; ein Konzept für {subject} könnte "
            "das ändern.",
        ),
        (
            "Eine Befragung der Betriebe und ein Aktionsplan mit fünf Maßnahmen.",
            "Eine Kampagne, die junge Menschen dort erreicht, wo sie sich informieren.",
            "Ein Netzwerk von Betrieben, Schulen und Verwaltung mit festen Ansprechpersonen.",
        ),
        ("Fachkräfte für", "Strategie für", "Kampagne für", "Netzwerk für"),
        (
            "Mehr Ausbildungsverträge in den Betrieben der Region.",
            "Betriebe finden Nachfolgerinnen und Nachfolger.",
        ),
        "besetzte Ausbildungsplätze",
    ),
    Theme(
        "digitalisierung",
        "digitale-verwaltung",
        ("digitalisierung", "e-government", "softwareentwicklung", "offene-daten"),
        (
            "digitale Bürgerdienste",
            "offene Daten der Verwaltung",
            "die Online-Terminvergabe",
            "einen digitalen Bauantrag",
            "die Website der Gemeinde",
            "digitale Sitzungen des Stadtrats",
        ),
        (
            "Bürgerinnen und Bürger in {town} müssen für fast alles ins Rathaus kommen; "
            "ein Konzept für {subject} steht ganz oben auf der Wunschliste.",
            "Die Verwaltung von {town} arbeitet mit vielen Insellösungen; ein Konzept für "
            "{subject} soll "
            "einen Anfang machen.",
            "Das Onlinezugangsgesetz verlangt mehr, als {town} bisher anbietet; für "
            "{subject} fehlen Zeit und Fachleute.",
        ),
        (
            "Ein Prototyp, den Bürgerinnen und Bürger testen, und eine Auswertung der Tests.",
            "Eine Prozessanalyse mit einem Vorschlag, welche Dienste zuerst online gehen.",
            "Ein Datenportal mit den ersten zehn Datensätzen.",
        ),
        ("Digitalisierung rund um", "Prototyp für", "Nutzerstudie für", "Neue Wege für"),
        (
            "Mehr Anliegen lassen sich ohne Gang ins Rathaus erledigen.",
            "Die Verwaltung spart Zeit bei wiederkehrenden Vorgängen.",
        ),
        "online angebotene Verwaltungsleistungen",
    ),
    Theme(
        "tourismus",
        "kultur-tourismus",
        ("tourismus", "kulturmanagement", "kulturerbe", "marketing-und-vertrieb"),
        (
            "Radtouristinnen und Radtouristen",
            "das Museum im Schloss",
            "Übernachtungsangebote",
            "die Vermarktung der Seen",
            "Stadtführungen für Familien",
            "das Industriedenkmal",
        ),
        (
            "Viele Gäste fahren durch {town}, ohne anzuhalten; ein Konzept für {subject} könnte "
            "mehr von "
            "ihnen in die Stadt bringen.",
            "Die Sehenswürdigkeiten von {town} sind kaum bekannt; für {subject} fehlt eine "
            "gemeinsame Vermarktung.",
            "Das Gastgewerbe in {town} klagt über kurze Aufenthalte; ein Konzept für {subject} "
            "steht im "
            "Mittelpunkt der Überlegungen.",
        ),
        (
            "Eine Gästebefragung und ein Marketingkonzept mit konkreten Angeboten.",
            "Eine Tourenplanung mit Karten, Texten und Bildern für die Website.",
            "Ein Vorschlag für ein neues Angebot, gerechnet mit Kosten und Nutzen.",
        ),
        ("Tourismuskonzept für", "Neue Angebote für", "Marketing für", "Erlebnisangebote für"),
        (
            "Mehr Übernachtungen und längere Aufenthalte der Gäste.",
            "Mehr Besucherinnen und Besucher in Museum und Innenstadt.",
        ),
        "Übernachtungen pro Jahr",
    ),
    Theme(
        "gesundheit",
        "gesundheit-pflege",
        ("medizinische-versorgung", "pflege", "gesundheitsfoerderung", "altersgerechtes-wohnen"),
        (
            "die Hausarztversorgung",
            "Pflege zu Hause",
            "ein Gesundheitszentrum",
            "Bewegungsangebote für Ältere",
            "Nachbarschaftshilfe",
            "die Versorgung nach dem Krankenhaus",
        ),
        (
            "Zwei Hausarztpraxen in {town} schließen bald; ein Konzept für {subject} beschäftigt "
            "die "
            "Menschen mehr als jedes andere Thema.",
            "Immer mehr ältere Menschen in {town} leben allein; ein Konzept für {subject} wird "
            "wichtiger.",
            "Pflegedienste in {town} müssen Anfragen ablehnen; für {subject} braucht es neue "
            "Ideen.",
        ),
        (
            "Eine Bedarfsanalyse mit Karte der Wege zu Praxen und Apotheken.",
            "Ein Konzept für ein Gesundheitszentrum mit möglichen Trägern.",
            "Eine Übersicht der Angebote und ein Vorschlag, wie sie bekannt werden.",
        ),
        (
            "Versorgungskonzept für",
            "Bedarfsanalyse für",
            "Gesund älter werden – Ideen für",
            "Konzept für",
        ),
        (
            "Kürzere Wege zur nächsten Hausarztpraxis.",
            "Ältere Menschen bleiben länger selbstständig zu Hause.",
        ),
        "Hausarztpraxen im Gemeindegebiet",
    ),
    Theme(
        "bildung",
        "bildung",
        ("bildungsarbeit", "jugendarbeit", "wissenschaftskommunikation", "moderation"),
        (
            "die Schulsozialarbeit",
            "Ganztagsangebote",
            "Medienbildung an Grundschulen",
            "die Volkshochschule",
            "Bildungsangebote für Zugezogene",
            "das Jugendparlament",
        ),
        (
            "Die Schulen in {town} wünschen sich mehr Angebote am Nachmittag; ein Konzept für "
            "{subject} ist "
            "dabei ein Schwerpunkt.",
            "Jugendliche in {town} vermissen Orte und Angebote; ein Konzept für {subject} soll "
            "sie einbeziehen.",
            "Die Bildungslandschaft in {town} ist zersplittert; für {subject} fehlt eine "
            "Übersicht.",
        ),
        (
            "Ein Angebotskatalog, den Schulen und Vereine gemeinsam nutzen.",
            "Eine Befragung der Jugendlichen und ein Beteiligungsformat für den Stadtrat.",
            "Unterrichtsmaterial, das Lehrkräfte ohne Vorbereitung einsetzen können.",
        ),
        ("Bildungsangebote rund um", "Beteiligung rund um", "Angebote für", "Werkstatt für"),
        (
            "Mehr Kinder und Jugendliche nehmen an Angeboten am Nachmittag teil.",
            "Jugendliche reden bei Entscheidungen der Stadt mit.",
        ),
        "Teilnehmende an Ganztagsangeboten",
    ),
    Theme(
        "kreislauf",
        "energie-klima",
        ("kreislaufwirtschaft", "naturschutz", "logistik", "betriebswirtschaft"),
        (
            "Reparaturcafés",
            "Abfälle der Gewerbebetriebe",
            "Bauteile aus Abrisshäusern",
            "Mehrweg in der Gastronomie",
            "Lebensmittelreste",
            "ein Materiallager für Vereine",
        ),
        (
            "Betriebe in {town} werfen viel weg, was andere brauchen könnten; ein Konzept "
            "für {subject} könnte das ändern.",
            "Die Müllgebühren in {town} steigen; ein Konzept für {subject} steht auf der "
            "Tagesordnung des "
            "Umweltausschusses.",
            "Vereine in {town} suchen Material, Betriebe entsorgen es; für {subject} fehlt "
            "eine Plattform.",
        ),
        (
            "Eine Stoffstromanalyse und ein Vorschlag für eine Tauschbörse.",
            "Ein Geschäftsmodell für ein Reparatur- und Materiallager.",
            "Ein Leitfaden für Betriebe mit Beispielen aus der Region.",
        ),
        (
            "Kreislaufwirtschaft rund um",
            "Stoffstromanalyse für",
            "Weniger Abfall rund um",
            "Wiederverwendung rund um",
        ),
        (
            "Weniger Abfall und mehr wiederverwendete Materialien in der Region.",
            "Betriebe sparen Entsorgungskosten.",
        ),
        "Tonnen Restabfall pro Jahr",
    ),
    Theme(
        "ansiedlung",
        "ansiedlung-wirtschaft",
        ("wirtschaftsfoerderung", "gruendung", "regionalentwicklung", "strukturwandel"),
        (
            "die Ansiedlung neuer Betriebe",
            "Gewerbeflächen am Stadtrand",
            "Gründungen im ländlichen Raum",
            "den Strukturwandel nach der Kohle",
            "Coworking auf dem Land",
            "regionale Wertschöpfungsketten",
        ),
        (
            "{town} hat freie Gewerbeflächen, aber kaum Anfragen; ein Konzept für {subject} "
            "braucht ein "
            "klares Profil.",
            "Nach dem Ende der Braunkohle sucht {town} neue Arbeitgeber; ein Konzept für "
            "{subject} ist Teil "
            "der Strategie.",
            "Gründerinnen und Gründer aus {town} ziehen in die Großstadt; ein Konzept für "
            "{subject} soll sie "
            "halten.",
        ),
        (
            "Ein Standortprofil mit Stärken, Schwächen und Zielbranchen.",
            "Eine Befragung von Unternehmen, die sich angesiedelt haben, und was sie "
            "überzeugt hat.",
            "Ein Konzept für einen Coworking-Ort mit Geschäftsmodell.",
        ),
        (
            "Standortprofil für",
            "Wirtschaftsförderung für",
            "Strukturwandel gestalten – Ideen für",
            "Chancen für",
        ),
        (
            "Neue Arbeitsplätze durch angesiedelte Betriebe.",
            "Mehr Gründungen in der Region.",
        ),
        "neu angesiedelte Betriebe",
    ),
    Theme(
        "wohnen",
        "innenstadt-leerstand",
        ("wohnungswirtschaft", "altersgerechtes-wohnen", "barrierefreiheit", "bauwesen"),
        (
            "Probewohnen für Zuziehende",
            "barrierefreie Wohnungen",
            "den Umbau alter Gehöfte",
            "gemeinschaftliches Wohnen",
            "die Sanierung der Plattenbauten",
            "Wohnen über den Läden",
        ),
        (
            "Menschen aus der Großstadt fragen in {town} nach Wohnraum, doch ein Konzept für "
            "{subject} ist "
            "bisher kaum möglich.",
            "Die Bevölkerung von {town} wird älter; ein Konzept für {subject} fehlt bisher.",
            "Viele Häuser in {town} stehen leer und verfallen; ein Konzept für {subject} könnte "
            "sie retten.",
        ),
        (
            "Eine Marktanalyse und drei durchgerechnete Beispiele.",
            "Ein Konzept für ein Probewohnen mit Kosten und Partnern.",
            "Eine Karte geeigneter Gebäude mit Steckbriefen.",
        ),
        ("Wohnkonzept für", "Neues Leben für", "Konzept für", "Wohnraum für"),
        (
            "Mehr Zuzug und weniger leerstehende Häuser.",
            "Ältere Menschen finden passende Wohnungen im Ort.",
        ),
        "leerstehende Wohngebäude",
    ),
    Theme(
        "beteiligung",
        "digitale-verwaltung",
        ("buergerbeteiligung", "moderation", "oeffentlichkeitsarbeit", "social-media"),
        (
            "die Beteiligung an der Stadtentwicklung",
            "einen Bürgerhaushalt",
            "die Kommunikation des Rathauses",
            "Ortschaftsräte",
            "das Ehrenamt in Vereinen",
            "Social Media der Gemeinde",
        ),
        (
            "Zu Versammlungen in {town} kommen immer dieselben Menschen; ein Konzept für "
            "{subject} soll mehr "
            "Stimmen hörbar machen.",
            "Entscheidungen des Stadtrats von {town} werden oft erst spät bekannt; "
            "ein Konzept für {subject} soll das verbessern.",
            "Die Vereine in {town} finden kaum Nachwuchs; ein Konzept für {subject} ist ein "
            "großes Thema.",
        ),
        (
            "Ein Beteiligungsformat, erprobt mit einer echten Frage der Stadt.",
            "Ein Kommunikationskonzept mit Redaktionsplan.",
            "Eine Auswertung der Beteiligung und Empfehlungen für den Stadtrat.",
        ),
        ("Mitreden rund um", "Beteiligung rund um", "Kommunikation für", "Ehrenamt rund um"),
        (
            "Mehr Menschen beteiligen sich an Entscheidungen der Stadt.",
            "Die Vereine gewinnen neue Mitglieder.",
        ),
        "Teilnehmende an Beteiligungsverfahren",
    ),
)

# --- Organisations -----------------------------------------------------------------------------

Kind = Organisation.Kind

# Share of the organisations of each kind (per mille); towns come from the reference data.
KIND_SHARES: tuple[tuple[str, int], ...] = (
    (Kind.COMPANY, 620),
    (Kind.CIVIL_SOCIETY, 220),
    (Kind.PUBLIC_BODY, 60),
    (Kind.STARTUP, 50),
    (Kind.UNIVERSITY_UNIT, 25),
    (Kind.RESEARCH_INSTITUTE, 15),
    (Kind.TOWN, 10),
)

# (what the company does, its sector, what it offers, what it looks for)
TRADES: tuple[tuple[str, str], ...] = (
    ("Tischlerei", Sector.C),
    ("Metallbau", Sector.C),
    ("Bäckerei", Sector.C),
    ("Fleischerei", Sector.C),
    ("Elektrotechnik", Sector.F),
    ("Dachdeckerei", Sector.F),
    ("Haustechnik", Sector.F),
    ("Bauunternehmen", Sector.F),
    ("Autohaus", Sector.G),
    ("Buchhandlung", Sector.G),
    ("Logistik", Sector.H),
    ("Spedition", Sector.H),
    ("Landgasthof", Sector.I),
    ("Hotel", Sector.I),
    ("Softwareentwicklung", Sector.J),
    ("Medienagentur", Sector.J),
    ("Steuerberatung", Sector.M),
    ("Ingenieurbüro", Sector.M),
    ("Architekturbüro", Sector.M),
    ("Vermessungsbüro", Sector.M),
    ("Pflegedienst", Sector.Q),
    ("Physiotherapie", Sector.Q),
    ("Agrargenossenschaft", Sector.A),
    ("Gärtnerei", Sector.A),
    ("Wohnungsgesellschaft", Sector.L),
    ("Energieversorgung", Sector.D),
    ("Recyclinghof", Sector.E),
    ("Druckerei", Sector.C),
    ("Brauerei", Sector.C),
    ("Fahrradladen", Sector.G),
)
COMPANY_FORMS = ("GmbH", "GmbH & Co. KG", "e.K.", "KG", "AG", "UG (haftungsbeschränkt)", "")
SURNAME_PATTERNS = ("{trade} {surname}", "{surname} {trade}", "{trade} {surname} & Söhne")
PLACE_PATTERNS = ("{trade} {town}", "{town}er {trade}", "{trade} am {landmark}")
LANDMARKS = (
    "Markt",
    "Bahnhof",
    "Mühlgraben",
    "Schlossberg",
    "Stadtpark",
    "Kirchplatz",
    "Auenwald",
    "See",
    "Muldeufer",
    "Elsterufer",
    "Saaleufer",
    "Gewerbepark",
)
ASSOCIATIONS = (
    "Heimatverein",
    "Förderverein der Grundschule",
    "Sportverein",
    "Kulturverein",
    "Bürgerverein",
    "Freiwillige Feuerwehr",
    "Jugendclub",
    "Seniorenbeirat",
    "Naturschutzbund Ortsgruppe",
    "Gewerbeverein",
    "Tafel",
    "Kunstverein",
    "Geschichtsverein",
    "Mehrgenerationenhaus",
    "Radfahrclub",
    "Chor",
    "Reparaturcafé",
    "Dorfladen-Genossenschaft",
)
PUBLIC_BODIES = (
    "Zweckverband Wasser und Abwasser",
    "Sparkassenstiftung",
    "Jobcenter Außenstelle",
    "Kreisvolkshochschule",
    "Musikschule",
    "Stadtbibliothek",
    "Wirtschaftsförderung",
    "Tourismusverband",
    "Abfallwirtschaftsbetrieb",
    "Kommunale Wohnungsgesellschaft",
)
STARTUP_WORDS = (
    ("Solar", "Kraft", "Werk", "Loop", "Hub", "Feld", "Rad", "Dorf", "Code", "Grün"),
    ("werk", "labs", "hub", "bau", "kreis", "flow", "mobil", "raum", "data", "idee"),
)
UNIVERSITY_UNITS = (
    "Institut für Geographie",
    "Professur für Stadtentwicklung",
    "Institut für Soziologie",
    "Professur für Wirtschaftsinformatik",
    "Institut für Kommunikations- und Medienwissenschaft",
    "Professur für Regionalökonomie",
    "Institut für Kulturwissenschaften",
    "Professur für Verkehrsplanung",
    "Professur für Energiemanagement",
    "Institut für Informatik",
    "Professur für Gesundheitsökonomie",
    "Institut für Erziehungswissenschaft",
)
RESEARCH_INSTITUTES = (
    "Forschungsstelle Ländlicher Raum",
    "Zentrum für Strukturwandel",
    "Labor für Energiesysteme",
    "Institut für Kreislaufwirtschaft",
    "Arbeitsstelle Demografie",
    "Kompetenzzentrum Digitale Kommune",
)
ORGANISATION_INTROS = (
    "{name} ist seit {year} in {town} zu Hause.",
    "Wir sind {name} aus {town} und arbeiten mit vielen Partnern in der Region.",
    "{name} verbindet Menschen und Ideen in {town} und Umgebung.",
    "Seit {year} steht {name} in {town} für Qualität und Verlässlichkeit.",
)
ORGANISATION_FOCUS = (
    "Besonders wichtig ist uns die Arbeit für {subject}.",
    "Gerade im Mittelpunkt: Ideen für {subject}.",
    "Wir suchen Partner für Fragen rund um {subject}.",
    "Mit Studierenden möchten wir {subject} voranbringen.",
)
LISTING_TEXTS: dict[str, tuple[str, ...]] = {
    ListingCategory.PRACTICE_PROJECTS: (
        "Praxisprojekte für {subject}",
        "Eine echte Fragestellung für ein Team, rund um {subject}",
    ),
    ListingCategory.INTERNSHIPS: ("Praktikum rund um {subject}", "Pflichtpraktikum, 8 Wochen"),
    ListingCategory.THESES: ("Abschlussarbeit über {subject}", "Daten für eine Masterarbeit"),
    ListingCategory.SKILLED_STAFF: ("Fachkräfte für {subject}",),
    ListingCategory.RESEARCH_PARTNER: ("Forschungspartner für {subject}",),
    ListingCategory.DATA: ("Daten und Karten für {subject}",),
    ListingCategory.EQUIPMENT: ("Werkstatt und Maschinen", "Messgeräte und Drohne"),
    ListingCategory.ROOMS: ("Besprechungsraum für Workshops", "Ausstellungsfläche im Erdgeschoss"),
    ListingCategory.MENTORING: ("Beratung rund um {subject}",),
    ListingCategory.FUNDING: ("Kleine Förderung für Projekte rund um {subject}",),
    ListingCategory.CONTACTS: ("Kontakte zu Betrieben der Region",),
    ListingCategory.VOLUNTEERS: ("Ehrenamtliche für {subject}",),
}

# --- People ------------------------------------------------------------------------------------

TITLES = ("", "", "", "", "", "", "Dr. ", "Prof. Dr. ")
POSITIONS = (
    "Geschäftsführung",
    "Inhaberin",
    "Inhaber",
    "Bürgermeisterin",
    "Bürgermeister",
    "Amtsleitung Bauamt",
    "Sachgebiet Wirtschaftsförderung",
    "Vorstand",
    "Projektleitung",
    "Referentin",
    "Referent",
    "Personalleitung",
    "Öffentlichkeitsarbeit",
    "wissenschaftliche Mitarbeiterin",
    "wissenschaftlicher Mitarbeiter",
)
BIOS = (
    "Ich arbeite seit {years} Jahren in {town} und kümmere mich um {subject}.",
    "Mich interessieren Projekte für {subject} in kleinen Städten.",
    "Zuständig für {subject}; gern auch für Abschlussarbeiten ansprechbar.",
    "Aufgewachsen in {town}, zurückgekehrt nach dem Studium, jetzt engagiert für {subject}.",
    "",
)
STUDENT_BIOS = (
    "Ich studiere im {semester}. Semester und interessiere mich für {subject}.",
    "Praxiserfahrung sammeln, am liebsten rund um {subject}.",
    "Ich komme aus {town} und möchte etwas für die Region tun.",
    "",
    "",
)
AVAILABILITY = (
    "dienstags und donnerstags",
    "ganze Woche außer montags",
    "nachmittags",
    "vormittags, nicht in den Prüfungswochen",
    "",
)
MOBILITY = (("deutschlandticket",), ("deutschlandticket", "bike"), ("car",), ("bike",), ())

# --- Projects, rounds, workspaces ------------------------------------------------------------

SEMESTERS = ("Wintersemester", "Sommersemester")
MODULES = (
    "Projektseminar Regionalentwicklung",
    "Praxismodul Stadtentwicklung",
    "Forschungspraktikum Soziologie",
    "Projektmodul Wirtschaftsinformatik",
    "Studienprojekt Kommunikation",
    "Transferwerkstatt",
)
PROJECT_TASKS = (
    "Das Team untersucht {subject} in {town}: Es sammelt Daten, spricht mit Beteiligten und "
    "entwickelt Vorschläge.",
    "Gemeinsam mit {organisation} erarbeitet das Team Ideen für {subject} und stellt sie in "
    "{town} vor.",
    "Ausgehend von einer Befragung in {town} entwirft das Team ein Konzept für {subject}.",
)
SUMMARIES = (
    "Das Team hat {subject} in {town} untersucht und drei Vorschläge erarbeitet, die der "
    "Partner nun prüft.",
    "Ergebnis ist ein Konzept für {subject}, das in {town} öffentlich vorgestellt wurde.",
)
MILESTONES = (
    "Auftaktgespräch mit dem Partner",
    "Ortsbegehung",
    "Befragung abgeschlossen",
    "Zwischenpräsentation",
    "Entwurf des Berichts",
    "Abschlusspräsentation",
)
MOTIVATIONS = (
    "Das Thema passt genau zu meinem Studium.",
    "Ich komme aus der Gegend und kenne die Situation vor Ort.",
    "Ich möchte Erfahrungen mit echten Partnern sammeln.",
    "",
)

# --- Recommendations --------------------------------------------------------------------------

RECOMMENDATION_TITLES = (
    "{action} {subject}",
    "Empfehlung für {subject}",
    "Nächste Schritte für {subject}",
)
RECOMMENDATION_ACTIONS = (
    "Pilotprojekt für",
    "Förderantrag für",
    "Arbeitsgruppe für",
    "Leitbild für",
)
ADDRESSEES = (
    ("department", "Bauamt"),
    ("department", "Amt für Wirtschaftsförderung"),
    ("committee", "Ausschuss für Stadtentwicklung und Umwelt"),
    ("committee", "Sozialausschuss"),
    ("council", "Stadtrat"),
    ("company", ""),
)
AGENDA_BODIES = ("Stadtrat", "Technischer Ausschuss", "Verwaltungsausschuss", "Ortschaftsrat")
DECISION_NOTES = (
    "Der Ausschuss hat die Empfehlung mit kleinen Änderungen angenommen.",
    "Wegen der Haushaltslage vorerst abgelehnt.",
    "Zur weiteren Beratung in den Fachausschuss verwiesen.",
)
# (kind, title): kinds of `notifications`, {title} filled with a challenge's title
NOTIFICATION_TEXTS = (
    ("challenge.published", "Neue Herausforderung auf dem Board: {title}"),
    ("challenge.progress", "Neuigkeiten zu einer Herausforderung, der Sie folgen: {title}"),
    ("round.phase", "Eine neue Phase beginnt – Thema: {title}"),
    ("recommendation.handed_over", "Eine Empfehlung wurde übergeben: {title}"),
)
