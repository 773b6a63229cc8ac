"""The demo's two rounds of practice projects: the finished "Sommersemester 2026" with what its
teams did, wrote and delivered, and the open "Wintersemester 2026/27" taking applications; the
challenges they need beyond CHALLENGES, the supervisors' capacities and the students' texts.

Teams, rankings and applications are drawn from these tables by seeded code in
`transferraum.demo.rounds`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from transferraum.demo.data.challenges import ChallengeSpec, Definition, Depth, Offer, Status
from transferraum.demo.data.organisations import TRADE_ZEITZ
from transferraum.demo.data.people import COORDINATOR_PROJECTS
from transferraum.projects.models import Meeting, Project

FINISHED_ROUND = "Sommersemester 2026"
OPEN_ROUND = "Wintersemester 2026/27"
ROUND_AUTHOR = COORDINATOR_PROJECTS  # Jan Reinhardt, Koordination Praxisprojekte

_EB_TOWN = "wirtschaft@eilenburg.example"
_EB_PLANNING = "stadtplanung@eilenburg.example"
_ZZ_PLANNING = "stadtplanung@zeitz.example"
_ZZ_MAYOR = "buero-ob@zeitz.example"
_ZZ_ECONOMY = "wirtschaft@zeitz.example"
_HAHN = "betreuung@uni-leipzig.example"
_BRANDT = "ulrich.brandt@uni-leipzig.example"
_SEIDEL = "nadine.seidel@uni-leipzig.example"
_POHL = "henrik.pohl@uni-leipzig.example"
_ZIMMERMANN = "felix.zimmermann@uni-leipzig.example"
_DEMIR = "ayse.demir@uni-leipzig.example"
_KRAFT = "johanna.kraft@uni-leipzig.example"
_ELSTER_IT = "team@elster-it.example"

PRAXIS, THESIS, RESEARCH = "praxisprojekt", "abschlussarbeit", "forschungsprojekt"
GEO, HUMGEO, SOZ, WIWI = "Geographie", "Humangeographie", "Soziologie", "Wirtschaftswissenschaften"
INF, KMW, KUWI, STADT = (
    "Informatik",
    "Kommunikations- und Medienwissenschaft",
    "Kulturwissenschaften",
    "Stadtentwicklung",
)

# --- Challenges the rounds need beyond CHALLENGES ----------------------------------------------
# Four were completed in the finished round; five are published and open in the current one.
# Dates count from DEMO_TODAY like those of CHALLENGES.

ROUND_CHALLENGES: tuple[ChallengeSpec, ...] = (
    # --- completed in the Sommersemester 2026
    ChallengeSpec(
        "Stadtverwaltung Zeitz",
        _ZZ_PLANNING,
        Status.COMPLETED,
        "Was hält junge Menschen in Zeitz? Treffpunkte und Angebote für Jugendliche",
        "Jedes Jahr verlassen viele junge Menschen nach der Schule Zeitz, und nur wenige kommen "
        "zurück. In Jugendforen hören wir immer wieder, dass es keine Orte gibt, an denen man "
        "sich ohne Konsumzwang treffen kann. Gleichzeitig stehen das Jugendhaus in Zeitz-Ost "
        "und mehrere Sportplätze abends leer. Wir wissen nicht, ob die Angebote unbekannt sind, "
        "zu den falschen Zeiten öffnen oder schlicht nicht gefallen. Bevor wir im Haushalt 2027 "
        "Geld umschichten, wollen wir die Jugendlichen selbst fragen.",
        "Zeitz hat einen Kinder- und Jugendbeirat, der die Befragung unterstützen möchte. Die "
        "Stadt fördert drei Jugendeinrichtungen freier Träger.",
        "Eine Befragung von Jugendlichen zwischen 14 und 21 Jahren, eine Karte ihrer "
        "Treffpunkte und Empfehlungen, welche Angebote die Stadt stärken, verlegen oder neu "
        "schaffen sollte.",
        ("bildung", "fachkraefte-demografie"),
        -245,
        -110,
        offers=(Offer.DATA, Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Räume im Rathaus und im Jugendhaus und der Kontakt zum Kinder- und "
        "Jugendbeirat.",
        format_wish=RESEARCH,
        citizens=True,
        team_size=5,
        formats=(RESEARCH,),
    ),
    ChallengeSpec(
        "Zeitzer Heimatverein e.V.",
        "vorstand@zeitzer-heimatverein.example",
        Status.COMPLETED,
        "Das Fotoarchiv des Heimatvereins erschließen",
        "In unserem Vereinsarchiv lagern rund 4.000 Fotos, Postkarten und Dias aus 120 Jahren "
        "Zeitzer Stadtgeschichte. Viele sind nicht beschriftet, und nur zwei Mitglieder wissen "
        "noch, was darauf zu sehen ist. Anfragen von Schulen, Zeitungen und Familien "
        "beantworten wir mühsam von Hand. Wir möchten die Bilder erfassen, beschreiben und einen "
        "Teil davon öffentlich zeigen, bevor das Wissen verloren geht.",
        "Der Verein hat 60 Mitglieder, die meisten über 65. Ein Scanner und ein Laptop sind "
        "vorhanden; die Rechte an vielen Aufnahmen sind ungeklärt.",
        "Ein Erfassungsschema, das Ehrenamtliche weiterführen können, die ersten 500 Bilder "
        "beschrieben und eine kleine Online-Ausstellung zu einem Thema der Stadtgeschichte.",
        ("kultur-tourismus",),
        -240,
        -100,
        offers=(Offer.DATA, Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Das Archiv ist donnerstags geöffnet; Frau Rudolph begleitet die Arbeit.",
        contact="archiv@zeitzer-heimatverein.example",
        definition=Definition.CLEAR,
        depth=Depth.LOW,
        team_size=4,
        formats=(PRAXIS,),
    ),
    ChallengeSpec(
        "Stadtverwaltung Eilenburg",
        _EB_PLANNING,
        Status.COMPLETED,
        "Hitzeinseln in der Innenstadt: Wo wird es im Sommer zu heiß?",
        "In den Hitzesommern der letzten Jahre haben sich Ältere und Eltern mit kleinen Kindern "
        "bei uns gemeldet, weil es auf dem Marktplatz und in manchen Straßen kaum auszuhalten "
        "war. Wir vermuten, dass versiegelte Flächen und fehlende Bäume die Ursache sind, haben "
        "aber keine Messungen. Für das Klimaanpassungskonzept des Landkreises sollen wir "
        "Maßnahmen benennen und begründen. Wir möchten wissen, wo es am heißesten wird und wo "
        "Bäume, Wasser oder Schatten am meisten helfen würden.",
        "Bei der Klimaanpassung stand in Eilenburg seit dem Hochwasser von 2002 der "
        "Hochwasserschutz im Vordergrund. Das Grünflächenamt pflegt ein Baumkataster in QGIS.",
        "- eine Karte der Oberflächentemperaturen aus Satellitendaten\n"
        "- Messfahrten an heißen Tagen\n"
        "- eine Liste der Orte, an denen Entsiegelung, Bäume oder Trinkbrunnen am meisten "
        "bewirken",
        ("energie-klima", "innenstadt-leerstand"),
        -235,
        -105,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Baumkataster, Luftbilder und die Daten der städtischen Wetterstation; ein "
        "Lastenrad der Stadt für die Messfahrten.",
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=5,
        formats=(RESEARCH, PRAXIS),
        coordinator=COORDINATOR_PROJECTS,
    ),
    ChallengeSpec(
        "Elster-IT Service GmbH",
        _ELSTER_IT,
        Status.COMPLETED,
        "IT-Sicherheit im Handwerk: ein Check für kleine Betriebe in Zeitz",
        "Fast jede Woche ruft uns ein Handwerksbetrieb an, weil ein Rechner verschlüsselt ist "
        "oder eine gefälschte Rechnung bezahlt wurde. Die meisten Betriebe haben keine eigene "
        "IT und wissen nicht, wo sie anfangen sollen. Ein großes Sicherheitsaudit ist für einen "
        "Betrieb mit acht Leuten zu teuer. Wir möchten mit dem Gewerbe- und Handelsverein einen "
        "kurzen Check anbieten, den Betriebe in einer Stunde durchlaufen und der ihnen sagt, "
        "was sie zuerst tun sollten.",
        "Elster-IT betreut rund 60 kleine Unternehmen in Zeitz und Umgebung. Der Gewerbe- und "
        "Handelsverein würde den Check seinen Mitgliedern empfehlen.",
        "Ein erprobter Fragebogen mit Auswertung, ein Leitfaden mit den zehn wichtigsten "
        "Maßnahmen in verständlicher Sprache und Erfahrungen aus fünf Testbetrieben.",
        ("ansiedlung-wirtschaft",),
        -240,
        -110,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Wir vermitteln fünf Testbetriebe und stellen eine Testumgebung bereit.",
        definition=Definition.CLEAR,
        team_size=5,
        formats=(PRAXIS,),
    ),
    # --- published: projects of the Wintersemester 2026/27
    ChallengeSpec(
        "Kreislaufwerk Eilenburg UG (haftungsbeschränkt)",
        "gruenderin@startup-eilenburg.example",
        Status.PUBLISHED,
        "Was steckt in Abrisshäusern? Eine Bauteilbörse für Nordsachsen",
        "In Eilenburg und den umliegenden Dörfern werden jedes Jahr Dutzende Gebäude "
        "abgerissen oder entkernt. Türen, Dielen, Ziegel und Heizkörper landen dabei fast immer "
        "im Container, obwohl viele davon wiederverwendet werden könnten. Handwerksbetriebe und "
        "Privatleute würden gebrauchte Bauteile kaufen, wissen aber nicht, wann und wo welche "
        "frei werden. Wir wollen herausfinden, ob eine regionale Bauteilbörse wirtschaftlich "
        "tragfähig ist und wie sie organisiert sein müsste.",
        "Kreislaufwerk ist ein junges Unternehmen mit drei Beschäftigten. Der Landkreis "
        "Nordsachsen unterstützt Ideen zur Kreislaufwirtschaft, und Abbruchunternehmen aus der "
        "Region haben Interesse an Gesprächen signalisiert.",
        "Eine Abschätzung, wie viele Bauteile im Jahr anfallen, Gespräche mit Abbruchfirmen und "
        "Handwerksbetrieben und ein Geschäftsmodell mit Kosten, Lagerbedarf und Preisen.",
        ("ansiedlung-wirtschaft", "energie-klima"),
        30,
        180,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Wir nehmen das Team zu zwei Rückbaustellen mit und teilen unsere Kontakte "
        "zu Abbruchfirmen.",
        format_wish=PRAXIS,
        team_size=5,
        formats=(PRAXIS,),
    ),
    ChallengeSpec(
        "Wohnungsgenossenschaft Muldeaue eG",
        "vorstand@wg-muldeaue.example",
        Status.PUBLISHED,
        "Wohnungstausch: große Wohnung gegen kleine, aber wie?",
        "Viele unserer älteren Mitglieder wohnen allein in Vierraumwohnungen, in die sie vor 40 "
        "Jahren mit ihren Kindern eingezogen sind. Gleichzeitig stehen junge Familien auf "
        "unserer Warteliste, für die wir keine großen Wohnungen haben. Einige Ältere würden "
        "gern in eine kleinere, barrierearme Wohnung ziehen, scheuen aber den Umzug, die Kosten "
        "und den Abschied von der Nachbarschaft. Wir möchten verstehen, was einen Tausch "
        "attraktiv machen würde, und ein Angebot entwickeln, das niemanden drängt.",
        "Die Genossenschaft hat 1.400 Wohnungen in Eilenburg; ein Drittel der Mitglieder ist "
        "älter als 70. Ein Umzugsservice wurde vor Jahren eingestellt, weil ihn niemand nutzte.",
        "Gespräche mit älteren Mitgliedern und Familien, eine Auswertung des Wohnungsbestands "
        "nach Größe und Belegung und ein Vorschlag für ein Tauschprogramm mit Umzugshilfe und "
        "Mietregeln.",
        ("fachkraefte-demografie", "gesundheit-pflege"),
        40,
        200,
        offers=(Offer.DATA, Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Anonymisierte Belegungsdaten und ein Raum im Nachbarschaftstreff.",
        contact="vermietung@wg-muldeaue.example",
        citizens=True,
        team_size=5,
        formats=(RESEARCH, PRAXIS),
    ),
    ChallengeSpec(
        "Tourismusverein Zeitzer Land e.V.",
        "info@zeitzer-land.example",
        Status.PUBLISHED,
        "Das Zeitzer Land in sozialen Medien: mit wenig Zeit viele erreichen",
        "Unser Verein betreibt einen Instagram-Kanal und eine Facebook-Seite, aber gepostet "
        "wird nur, wenn eine Ehrenamtliche Zeit hat. Die Beiträge erreichen vor allem Menschen, "
        "die schon in Zeitz wohnen. Dabei haben wir viel zu zeigen: den Dom, die Moritzburg, die "
        "unterirdischen Gänge und den Elster-Radweg. Wir suchen eine Strategie, die mit zwei "
        "Stunden Arbeit pro Woche auskommt und Gäste aus Leipzig und Halle erreicht.",
        "Die Befragung der Radgäste hat gezeigt, dass viele Gäste Zeitz vorher nicht kannten. "
        "Der Verein hat eine Geschäftsführerin in Teilzeit und 25 ehrenamtlich Aktive.",
        "Eine Analyse der bisherigen Kanäle, ein Redaktionsplan für ein Jahr mit Vorlagen und "
        "eine Testphase von vier Wochen mit ausgewerteten Zahlen.",
        ("kultur-tourismus",),
        20,
        150,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Zugänge zu den Kanälen, unser Bildarchiv und freier Eintritt für "
        "Fotoaufnahmen.",
        depth=Depth.LOW,
        team_size=6,
        formats=(PRAXIS,),
    ),
    ChallengeSpec(
        TRADE_ZEITZ,
        _ELSTER_IT,
        Status.PUBLISHED,
        "Wie viele Menschen kommen in die Altstadt? Passanten zählen mit Sensoren",
        "Händler und Gastronomen in der Zeitzer Altstadt streiten seit Jahren darüber, ob "
        "samstags mehr oder weniger Menschen unterwegs sind als früher. Belastbare Zahlen gibt "
        "es nicht, nur Eindrücke. Für Entscheidungen über Öffnungszeiten, Märkte und "
        "Veranstaltungen bräuchten wir aber genau diese Zahlen. Wir möchten mit günstigen "
        "Sensoren an drei Stellen zählen, ohne Menschen zu filmen oder Handys zu verfolgen.",
        "Elster-IT stellt Sensoren und einen LoRaWAN-Zugang zur Verfügung. Die Stadt Zeitz ist "
        "bereit, die Zählwerte später als offene Daten zu veröffentlichen.",
        "Drei Zählstellen, die datenschutzkonform zählen, eine einfache Auswertung mit Wochen- "
        "und Tagesgängen und eine Empfehlung, wie der Verein die Zählung dauerhaft betreiben "
        "kann.",
        ("innenstadt-leerstand", "ansiedlung-wirtschaft"),
        25,
        170,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.BUDGET, Offer.WEEKLY_CONTACT),
        offers_note="Für Sensoren und Halterungen gibt es ein Budget von 1.500 Euro.",
        contact=_ZZ_ECONOMY,
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=6,
        formats=(PRAXIS,),
        coordinator=COORDINATOR_PROJECTS,
    ),
    ChallengeSpec(
        "Elstertal Solartechnik GmbH",
        "kontakt@elstertal-solar.example",
        Status.PUBLISHED,
        "Balkonkraftwerke für Mieterinnen und Mieter: Beratung, die ankommt",
        "Seit die Regeln für Steckersolargeräte einfacher geworden sind, fragen immer mehr "
        "Menschen in Zeitz nach Balkonkraftwerken. Viele Mieterinnen und Mieter trauen sich "
        "aber nicht, ihren Vermieter zu fragen, oder kaufen Geräte, die nicht zu ihrem Balkon "
        "passen. Unsere Beratung am Telefon kostet Zeit und erreicht vor allem Hausbesitzer. "
        "Wir möchten ein Beratungsangebot entwickeln, das Mieterinnen und Mieter wirklich "
        "nutzen, und dafür mit den Wohnungsgenossenschaften zusammenarbeiten.",
        "Elstertal Solartechnik plant und installiert seit 2012 Photovoltaikanlagen in Zeitz "
        "und im Burgenlandkreis. Die Wohnungsgenossenschaft Moritzburgblick hat Interesse an "
        "einem gemeinsamen Pilotprojekt bekundet.",
        "Eine Befragung von Mieterinnen und Mietern, ein Beratungskonzept mit Materialien in "
        "einfacher Sprache und ein Vorschlag für eine Sammelbestellung mit einer Genossenschaft.",
        ("energie-klima",),
        35,
        190,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Ertragsdaten unserer Anlagen und ein Musterbalkon auf unserem Firmengelände.",
        contact="projekte@elstertal-solar.example",
        citizens=True,
        team_size=5,
        formats=(PRAXIS,),
    ),
)


# --- Projects ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectSpec:
    """A project of a round; `challenge` is the title of its challenge (unique in the demo)."""

    challenge: str
    format: str  # slug of a project format of the catalogue
    title: str
    description: str
    supervisors: tuple[str, ...]  # e-mails of lecturers (role supervisor)
    contacts: tuple[str, ...]  # e-mails of members of the challenge's organisation
    team: tuple[int, int]  # smallest and largest team
    required: tuple[str, ...]  # competence slugs: at least one member must have each
    desired: tuple[str, ...]
    programmes: tuple[str, ...]  # names of PROGRAMMES
    module: str
    ects: int
    site_visit_place: str
    site_visit_frequency: str
    language: str = Project.WorkLanguage.DE
    popularity: float = 1.0  # open round: how much students are drawn to it
    hooks: tuple[str, ...] = ()  # open round: what applicants write in their motivation


@dataclass(frozen=True)
class MeetingSpec:
    kind: str
    day: int  # days after the start of the work phase
    time: tuple[int, int]
    place: str
    minutes: str


@dataclass(frozen=True)
class FeedbackSpec:
    usefulness: int
    collaboration: int
    what_next: str
    comment: str = ""


@dataclass(frozen=True)
class WorkspaceSpec:
    """What a team of the finished round did, wrote and delivered.

    Posts name their author by key: `m0`… for the team's members, `sup` for the first
    supervisor, `con` for the first partner contact; texts may use `{m0}`…, `{sup}`, `{con}`.
    """

    project: ProjectSpec
    team_size: int
    public_summary: str
    results: str
    milestones: tuple[tuple[int, str, str], ...]  # (day, title, description)
    meetings: tuple[MeetingSpec, ...]
    working_document: tuple[str, tuple[str, ...]]  # (title, lines)
    posts: tuple[tuple[str, int, str], ...]  # (author key, day, text)
    midterm: FeedbackSpec
    final: FeedbackSpec


MEET, VISIT = Meeting.Kind.MEETING, Meeting.Kind.SITE_VISIT

FINISHED_PROJECTS: tuple[WorkspaceSpec, ...] = (
    WorkspaceSpec(
        ProjectSpec(
            "Leerstandskataster für die Eilenburger Innenstadt",
            PRAXIS,
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Das Team kartiert alle Erdgeschosslagen der Eilenburger Innenstadt, gleicht sie mit "
            "der Begehung von 2019 ab und baut eine QGIS-Vorlage, die die Stadtverwaltung selbst "
            "fortschreiben kann. Zum Schluss empfiehlt es Lagen für Zwischennutzungen.",
            (_HAHN,),
            (_EB_PLANNING, _EB_TOWN),
            (4, 6),
            ("geoinformatik",),
            ("leerstandsmanagement", "raumanalyse", "stadtplanung"),
            (GEO, STADT, HUMGEO),
            "Projektseminar Angewandte Geographie",
            10,
            "Innenstadt Eilenburg und Rathaus",
            "alle zwei Wochen dienstags",
        ),
        6,
        "Sechs Studierende der Geographie und Stadtentwicklung haben im Sommersemester 2026 "
        "alle 214 Erdgeschosslagen der Eilenburger Innenstadt kartiert. 31 Ladenlokale standen "
        "leer, zwölf davon seit mehr als drei Jahren. Das neue Leerstandskataster liegt als "
        "QGIS-Projekt bei der Stadtverwaltung, die es seitdem selbst fortschreibt. Für fünf "
        "Lagen rund um den Marktplatz hat das Team Zwischennutzungen vorgeschlagen.",
        "An vier Begehungstagen hat das Team 214 Erdgeschosslagen erfasst und mit der "
        "Liegenschaftskarte und der Begehung von 2019 abgeglichen. Von 31 leeren Ladenlokalen "
        "liegen 19 in der Torgauer Straße und am Marktplatz; zwölf stehen länger als drei Jahre "
        "leer. Die QGIS-Vorlage mit Erfassungsformular und Anleitung wurde im Juli an das "
        "Stadtplanungsamt übergeben, zwei Mitarbeiterinnen wurden geschult. Empfohlen werden "
        "Zwischennutzungen für fünf Lagen, darunter ein Pop-up-Laden für Gründerinnen und ein "
        "Schaufenster für Vereine.",
        (
            (
                8,
                "Arbeitsplan und Erfassungsbogen abgestimmt",
                "Erfassungsbogen mit der "
                "Stadtplanung abgestimmt, Straßenabschnitte auf drei Zweierteams verteilt.",
            ),
            (
                30,
                "Begehung der Innenstadt abgeschlossen",
                "Alle Erdgeschosslagen zwischen Markt, Torgauer Straße und Bahnhofstraße erfasst.",
            ),
            (
                50,
                "Zwischenstand im Rathaus vorgestellt",
                "Erste Karte und Zahlen für das Stadtplanungsamt.",
            ),
            (
                78,
                "QGIS-Vorlage und Abschlussbericht übergeben",
                "Vorlage mit Anleitung übergeben, zwei Mitarbeiterinnen geschult.",
            ),
        ),
        (
            MeetingSpec(
                MEET,
                1,
                (10, 0),
                "Online (Videokonferenz)",
                "Auftakt mit Frau Hoffmann und Herrn Berger. Die Stadt stellt "
                "Liegenschaftskarte, Bebauungspläne und die Begehung von 2019 bereit. "
                "Vereinbart: Erfassung in Zweierteams, wöchentlicher Austausch dienstags per "
                "Telefon.",
            ),
            MeetingSpec(
                VISIT,
                8,
                (9, 30),
                "Eilenburg, Treffpunkt Rathaus am Marktplatz",
                "Rundgang durch die Innenstadt mit Frau Hoffmann. Der Erfassungsbogen wurde an "
                "zehn Ladenlokalen getestet; die Kategorie „teilweise genutzt“ kam hinzu. Drei "
                "Eigentümer sind bereit, über ihre Läden zu sprechen.",
            ),
            MeetingSpec(
                VISIT,
                29,
                (9, 0),
                "Eilenburg, Torgauer Straße und Bahnhofstraße",
                "Letzter Begehungstag: Nachträge in der Bahnhofstraße und Fotos aller leeren "
                "Schaufenster. Insgesamt 214 Lagen erfasst, 31 davon leer. Zwei Lagen klärt die "
                "Stadt mit dem Liegenschaftsamt.",
            ),
            MeetingSpec(
                MEET,
                80,
                (17, 0),
                "Rathaus Eilenburg, Ratssaal",
                "Abschlusspräsentation vor Verwaltung, Stadtrat und Gewerbeverein, etwa 30 "
                "Gäste. Großes Interesse an den Zwischennutzungen am Marktplatz. Die Stadt "
                "übernimmt das Kataster und prüft, ein Leerstandsmanagement auszuschreiben.",
            ),
        ),
        (
            "Erfassungsbogen Leerstand",
            (
                "Adresse und Lage (Straße, Hausnummer, Erdgeschoss)",
                "Nutzung: genutzt / teilweise genutzt / leer",
                "Leer seit (Schätzung und Quelle der Angabe)",
                "Zustand von Schaufenster und Fassade",
                "Eigentümerin oder Eigentümer bekannt (ja/nein)",
                "Eignung für eine Zwischennutzung (Einschätzung des Teams)",
            ),
        ),
        (
            (
                "m0",
                2,
                "Ich habe den Erfassungsbogen als Entwurf hochgeladen. Fehlt euch noch "
                "eine Kategorie?",
            ),
            (
                "con",
                3,
                "Danke! Bitte ergänzen Sie ein Feld für die Eigentümer, soweit bekannt. "
                "Die Liegenschaftskarte schicke ich Ihnen bis Freitag.",
            ),
            (
                "m1",
                9,
                "Aufteilung für die Begehung: {m0} und ich nehmen den Markt, {m2} und "
                "{m3} die Torgauer Straße, der Rest die Bahnhofstraße.",
            ),
            (
                "sup",
                31,
                "Sehr gründliche Erfassung! Für den Bericht bitte die Lagen mit "
                "unklarem Status gesondert ausweisen.",
            ),
            (
                "m2",
                76,
                "Die Endfassung des Berichts ist hochgeladen. Frau Hoffmann, könnten Sie "
                "die Empfehlungen bis Montag gegenlesen?",
            ),
            (
                "con",
                77,
                "Gelesen und sehr gut verständlich. Nur eine Hausnummer am Markt stimmt "
                "nicht, ich habe sie im Dokument markiert.",
            ),
        ),
        FeedbackSpec(
            4,
            5,
            "Die Kartierung so gründlich abschließen und die Empfehlungen mit dem Gewerbeverein "
            "abstimmen.",
            "Das Team ist sehr zuverlässig und kommt gut vorbereitet zu den Terminen.",
        ),
        FeedbackSpec(
            5,
            5,
            "Wir schreiben das Kataster selbst fort und wünschen uns ein Folgeprojekt zur "
            "Ansprache der Eigentümerinnen und Eigentümer.",
            "Ein Ergebnis, das wir sofort nutzen können. Vielen Dank an das ganze Team!",
        ),
    ),
    WorkspaceSpec(
        ProjectSpec(
            "Online vorbestellen, in der Filiale abholen",
            PRAXIS,
            "Online vorbestellen, in der Filiale abholen",
            "Das Team entwickelt mit der Bäckerei Sommerfeld einen schlanken Prototyp für "
            "Vorbestellungen mit Filiale und Abholzeit, erprobt ihn mit Stammkundschaft und "
            "Verkäuferinnen und vergleicht Eigenbetrieb und Dienstleister. Gearbeitet wird in "
            "Leipzig und an einzelnen Tagen in der Backstube und den Filialen.",
            (_ZIMMERMANN,),
            ("inhaberin@baeckerei-sommerfeld.example",),
            (3, 5),
            ("softwareentwicklung",),
            ("webentwicklung", "ux-design", "betriebswirtschaft"),
            (INF, WIWI),
            "Softwaretechnik-Praktikum",
            10,
            "Backstube und Filiale am Markt in Eilenburg",
            "zum Auftakt ein Vormittag in der Backstube, danach einmal im Monat",
        ),
        5,
        "Ein Team aus Informatik und Wirtschaftswissenschaften hat für die Bäckerei Sommerfeld "
        "einen Prototyp für Vorbestellungen gebaut: Kundinnen und Kunden wählen Filiale und "
        "Abholzeit, die Filiale sieht die Bestellungen auf einem Tablet. Sechs Wochen lang haben "
        "140 Stammkundinnen und Stammkunden ihn in zwei Filialen getestet. Die Bäckerei betreibt "
        "das System seit August mit einem regionalen Dienstleister weiter.",
        "Der Prototyp besteht aus einer Bestellseite für das Smartphone und einer "
        "Tablet-Ansicht für die Filialen, die ohne Schulung bedienbar ist. Im Test gingen 610 "
        "Vorbestellungen ein, samstags bis zu 60; das Telefon klingelte am Samstagmorgen "
        "spürbar seltener. Die Verkäuferinnen wünschten sich größere Schrift und eine "
        "Druckfunktion, beides wurde umgesetzt. Die Kostenrechnung spricht für einen "
        "Dienstleister: Eigenbetrieb wäre erst ab acht Filialen günstiger. Der nächste Schritt "
        "sind die Bestellungen von Kitas und Schulen, die heute per Fax kommen.",
        (
            (
                10,
                "Anforderungen aufgenommen",
                "Einen Vormittag in Backstube und Verkauf "
                "mitgelaufen, Anforderungen mit Frau Sommerfeld priorisiert.",
            ),
            (
                35,
                "Prototyp bereit für den Test",
                "Bestellseite und Tablet-Ansicht für zwei Filialen eingerichtet.",
            ),
            (
                70,
                "Testphase ausgewertet",
                "Sechs Wochen Test mit Stammkundschaft, Befragung der Verkäuferinnen.",
            ),
            (
                80,
                "Übergabe und Empfehlung",
                "Abschlussbericht mit Kostenvergleich von Eigenbetrieb und Dienstleister.",
            ),
        ),
        (
            MeetingSpec(
                VISIT,
                2,
                (5, 30),
                "Bäckerei Sommerfeld, Backstube in Eilenburg",
                "Um halb sechs in der Backstube: Das Team hat den Ablauf von der Bestellung bis "
                "zur Auslieferung an die Filialen begleitet. Samstags gehen bis zu 80 "
                "Bestellungen per Telefon ein. Wichtigste Anforderung: höchstens zwei Klicks "
                "pro Bestellung für die Verkäuferinnen.",
            ),
            MeetingSpec(
                MEET,
                21,
                (14, 0),
                "Online (Videokonferenz)",
                "Klickprototyp vorgestellt. Frau Sommerfeld wünscht Abholzeiten in "
                "Viertelstunden und einen Bestellschluss am Vortag um 18 Uhr. Bezahlt wird im "
                "Test erst in der Filiale.",
            ),
            MeetingSpec(
                VISIT,
                42,
                (15, 0),
                "Bäckerei Sommerfeld, Filiale am Markt in Eilenburg",
                "Testbeginn in zwei Filialen. Die Verkäuferinnen wurden in zehn Minuten "
                "eingewiesen, Aushänge und Flyer liegen aus. Das Tablet steht neben der Kasse; "
                "die Schrift muss größer werden.",
            ),
            MeetingSpec(
                MEET,
                80,
                (16, 0),
                "Universität Leipzig, Institut für Informatik",
                "Abschlusspräsentation mit Frau Sommerfeld und zwei Filialleiterinnen. "
                "Empfehlung: Betrieb durch einen regionalen Dienstleister. Nächster Schritt sind "
                "die Bestellungen von Kitas und Schulen.",
            ),
        ),
        (
            "Anforderungen und Ablauf der Vorbestellung",
            (
                "Bestellung bis 18 Uhr am Vortag, Torten mit drei Tagen Vorlauf",
                "Abholzeiten in Viertelstunden, je Filiale eigene Öffnungszeiten",
                "Bezahlung in der Filiale; Online-Zahlung später prüfen",
                "Tablet-Ansicht: höchstens zwei Klicks pro Bestellung",
                "Tagesliste zum Ausdrucken für die Backstube",
            ),
        ),
        (
            (
                "m0",
                1,
                "Treffpunkt morgen ist um 5:15 Uhr am Bahnhof Eilenburg. Wer fährt mit "
                "der ersten S-Bahn?",
            ),
            ("m1", 15, "Den Klickprototyp habe ich hochgeladen. Rückmeldungen bitte bis Mittwoch."),
            (
                "con",
                23,
                "Die Abholzeiten in Viertelstunden sind perfekt. Können Torten mit drei "
                "Tagen Vorlauf bestellt werden?",
            ),
            (
                "m2",
                24,
                "Ja, das bauen wir ein: Torten ab drei Tagen Vorlauf, alles andere bis "
                "18 Uhr am Vortag.",
            ),
            (
                "sup",
                60,
                "Die Zahlen aus dem Test sehen gut aus. Bitte im Bericht auch die "
                "Bestellungen nach Wochentag auswerten.",
            ),
            (
                "con",
                79,
                "Wir freuen uns auf die Präsentation! Zwei Kolleginnen aus den Filialen "
                "kommen mit.",
            ),
        ),
        FeedbackSpec(
            5,
            4,
            "Den Test wie geplant starten und die Verkäuferinnen früh einbeziehen.",
            "Manchmal kamen Rückfragen sehr kurzfristig, sonst klappt es gut.",
        ),
        FeedbackSpec(
            5,
            5,
            "Wir betreiben die Vorbestellung weiter und möchten die Bestellungen von Kitas und "
            "Schulen anschließen.",
            "Unsere Kundschaft lobt die Lösung, und samstags ist es im Laden ruhiger geworden.",
        ),
    ),
    WorkspaceSpec(
        ProjectSpec(
            "Was hält junge Menschen in Zeitz? Treffpunkte und Angebote für Jugendliche",
            RESEARCH,
            "Was hält junge Menschen in Zeitz? Eine Jugendbefragung",
            "Das Team befragt Jugendliche zwischen 14 und 21 Jahren an Schulen, im Jugendhaus "
            "und online, kartiert ihre Treffpunkte und diskutiert die Ergebnisse mit dem Kinder- "
            "und Jugendbeirat. Daraus entstehen Empfehlungen für den Haushalt 2027.",
            (_SEIDEL,),
            (_ZZ_PLANNING, _ZZ_MAYOR),
            (3, 5),
            ("empirische-sozialforschung",),
            ("demografie", "moderation", "buergerbeteiligung"),
            (SOZ, HUMGEO, KUWI),
            "Lehrforschungsprojekt (Soziologie, B.A.)",
            10,
            "Schulen, Jugendhaus Zeitz-Ost und Rathaus Zeitz",
            "alle zwei Wochen, in der Befragungsphase wöchentlich",
        ),
        5,
        "Fünf Studierende der Soziologie und Humangeographie haben 612 Jugendliche in Zeitz "
        "befragt und mit ihnen ihre Treffpunkte kartiert. Am meisten fehlen überdachte Orte "
        "ohne Konsumzwang, die auch abends offen sind, und Busse am Wochenende. Der Kinder- und "
        "Jugendbeirat hat die Ergebnisse im Stadtrat vorgestellt; für 2027 sind längere "
        "Öffnungszeiten des Jugendhauses und ein überdachter Treffpunkt im Stadtpark im Gespräch.",
        "An der Befragung an drei Schulen und online nahmen 612 Jugendliche teil, gut ein "
        "Viertel der Altersgruppe. Zwei Drittel treffen sich am liebsten draußen, vermissen "
        "aber Orte mit Dach, Sitzplätzen und Strom. Das Jugendhaus in Zeitz-Ost kennen die "
        "meisten, finden die Öffnungszeiten bis 18 Uhr aber zu kurz. Als Grund, nach der Schule "
        "wegzugehen, nannten die Befragten am häufigsten Ausbildung und Studium, erst danach "
        "fehlende Freizeitangebote. Das Team empfiehlt längere Öffnungszeiten, einen "
        "überdachten Treffpunkt im Stadtpark und die Beteiligung des Jugendbeirats an der "
        "Planung.",
        (
            (
                12,
                "Fragebogen mit dem Jugendbeirat abgestimmt",
                "Zwei Workshops mit dem Beirat, Pretest mit zwölf Jugendlichen.",
            ),
            (40, "Befragung abgeschlossen", "Online und an drei Schulen, 612 Antworten."),
            (55, "Treffpunkte kartiert", "Karte der Treffpunkte mit Bewertungen der Jugendlichen."),
            (
                80,
                "Ergebnisse vorgestellt",
                "Präsentation gemeinsam mit dem Jugendbeirat im Rathaus.",
            ),
        ),
        (
            MeetingSpec(
                MEET,
                2,
                (16, 0),
                "Rathaus Zeitz, Beratungsraum",
                "Auftakt mit Frau Neumann, Herrn Richter und zwei Mitgliedern des Kinder- und "
                "Jugendbeirats. Der Beirat gestaltet den Fragebogen mit und wirbt an den "
                "Schulen dafür. Die Stadt klärt die Genehmigung der Schulbefragung.",
            ),
            MeetingSpec(
                VISIT,
                9,
                (15, 0),
                "Jugendhaus Zeitz-Ost",
                "Stadtteilspaziergang mit sechs Jugendlichen zu ihren Treffpunkten: "
                "Skateanlage, Bushaltestelle am Einkaufszentrum, Elsterufer. Wichtigster Wunsch: "
                "ein Ort mit Dach, an dem man abends bleiben kann.",
            ),
            MeetingSpec(
                VISIT,
                30,
                (8, 0),
                "Drei Schulen in Zeitz",
                "Befragung an drei Schulen in den Pausen und je einer Unterrichtsstunde. Der "
                "Rücklauf war deutlich besser als online; die Schulsozialarbeit hat sehr "
                "geholfen.",
            ),
            MeetingSpec(
                MEET,
                80,
                (17, 0),
                "Rathaus Zeitz, Ratssaal",
                "Vorstellung der Ergebnisse gemeinsam mit dem Jugendbeirat vor Ausschuss und "
                "Verwaltung. Die Empfehlungen zu Öffnungszeiten und einem überdachten "
                "Treffpunkt gehen in die Haushaltsberatungen 2027 ein.",
            ),
        ),
        (
            "Fragebogen Jugendbefragung",
            (
                "Wo triffst du dich nach der Schule und am Wochenende?",
                "Welche Angebote für Jugendliche in Zeitz kennst du, welche nutzt du?",
                "Was fehlt dir in Zeitz am meisten?",
                "Wie kommst du abends und am Wochenende nach Hause?",
                "Möchtest du nach der Schule in Zeitz bleiben? Warum (nicht)?",
            ),
        ),
        (
            (
                "m0",
                3,
                "Der Fragebogen-Entwurf ist hochgeladen. Der Jugendbeirat hat schon zwei "
                "Fragen umformuliert, die Sprache passt jetzt viel besser.",
            ),
            (
                "con",
                6,
                "Die Genehmigung für die Schulbefragung liegt vor. Ansprechpartnerin ist "
                "an jeder Schule die Schulsozialarbeit.",
            ),
            (
                "m3",
                31,
                "Zwischenstand: 448 Antworten, davon 310 aus den Schulen. Online läuft es "
                "schleppend, wir machen noch einen Aufruf über den Instagram-Kanal der Stadt.",
            ),
            (
                "sup",
                45,
                "Denken Sie bei der Auswertung an die Gewichtung nach Alter: Die "
                "Schulbefragung erreicht vor allem die 14- bis 16-Jährigen.",
            ),
            (
                "m1",
                79,
                "Die Präsentation ist hochgeladen. Zwei Beiratsmitglieder stellen den "
                "Teil zu den Treffpunkten selbst vor.",
            ),
        ),
        FeedbackSpec(
            4,
            5,
            "Die Ergebnisse gemeinsam mit dem Jugendbeirat auswerten, bevor sie in den Ausschuss "
            "gehen.",
        ),
        FeedbackSpec(
            5,
            5,
            "Wir nehmen die Empfehlungen in den Haushalt 2027 auf und möchten die Befragung in "
            "drei Jahren wiederholen.",
            "Besonders gut war, wie das Team die Jugendlichen selbst beteiligt hat.",
        ),
    ),
    WorkspaceSpec(
        ProjectSpec(
            "Das Fotoarchiv des Heimatvereins erschließen",
            PRAXIS,
            "Das Fotoarchiv des Zeitzer Heimatvereins erschließen",
            "Das Team entwickelt mit dem Heimatverein ein Erfassungsschema für Fotos, "
            "Postkarten und Dias, beschreibt die ersten Bestände gemeinsam mit älteren "
            "Mitgliedern und gestaltet eine kleine Online-Ausstellung. Fragen der Bildrechte "
            "klärt es mit dem Verein.",
            (_KRAFT,),
            ("archiv@zeitzer-heimatverein.example", "vorstand@zeitzer-heimatverein.example"),
            (3, 4),
            ("kulturerbe",),
            ("kulturmanagement", "mediengestaltung", "offene-daten"),
            (KUWI, KMW),
            "Projektseminar Kulturerbe digital",
            10,
            "Vereinsarchiv des Heimatvereins in Zeitz",
            "jeden zweiten Donnerstag",
        ),
        4,
        "Gemeinsam mit dem Zeitzer Heimatverein haben vier Studierende ein Erfassungsschema "
        "für das Fotoarchiv entwickelt und die ersten 560 Bilder beschrieben. Bei Erzählcafés "
        "mit älteren Mitgliedern wurden Orte, Personen und Jahre auf vielen Fotos erstmals "
        "bestimmt. Die Online-Ausstellung „Zeitzer Straßen im Wandel 1900–1990“ zeigt 48 "
        "Aufnahmen.",
        "Das Erfassungsschema folgt einem einfachen Standard für Bildarchive und lässt sich in "
        "einer Tabellenvorlage pflegen, die der Verein ohne Datenbank nutzen kann. 560 Bilder "
        "sind gescannt und beschrieben, 212 davon mit sicherem Ort und Jahr. Zu drei "
        "Erzählcafés kamen 40 Mitglieder und Gäste, die Namen, Geschäfte und Ereignisse "
        "erkannten. Für 48 Aufnahmen sind die Rechte geklärt; sie sind in der Online-Ausstellung "
        "zu sehen. Zwei Ehrenamtliche führen die Erfassung seit dem Sommer fort.",
        (
            (
                10,
                "Bestand gesichtet, Erfassungsschema entworfen",
                "Fotos zuerst, Dias später; Schema mit Ort, Jahr, Personen und Quelle der Angabe.",
            ),
            (
                35,
                "Erste 250 Bilder gescannt und beschrieben",
                "Scans mit 600 dpi, Beschreibung nach dem Schema.",
            ),
            (60, "Erzählcafés durchgeführt", "Drei Nachmittage mit Mitgliedern und Gästen."),
            (80, "Online-Ausstellung veröffentlicht", "48 Aufnahmen mit geklärten Rechten."),
        ),
        (
            MeetingSpec(
                VISIT,
                3,
                (10, 0),
                "Vereinsarchiv des Zeitzer Heimatvereins",
                "Sichtung des Bestands mit Frau Rudolph und Herrn Pfeiffer: rund 4.000 Fotos, "
                "600 Postkarten und drei Kisten Dias. Zuerst kommen die Fotos aus Mappen mit "
                "Ortsangaben dran. Für die Dias leiht das Institut ein Scangerät.",
            ),
            MeetingSpec(
                VISIT,
                24,
                (14, 0),
                "Vereinsarchiv des Zeitzer Heimatvereins",
                "Arbeitstag im Archiv: 120 Fotos gescannt und das Schema an echten Beispielen "
                "geprüft. Das Feld „Quelle der Angabe“ kam hinzu, damit klar bleibt, wer einen "
                "Ort bestimmt hat.",
            ),
            MeetingSpec(
                MEET,
                52,
                (15, 0),
                "Vereinsraum des Heimatvereins, Erzählcafé",
                "Erzählcafé mit 14 Mitgliedern und Gästen. 38 Fotos wurden bestimmt, darunter "
                "ein Festumzug und mehrere Geschäfte am Altmarkt. Die Gespräche wurden mit "
                "Einverständnis aufgezeichnet.",
            ),
            MeetingSpec(
                MEET,
                80,
                (18, 0),
                "Vereinsraum des Heimatvereins",
                "Eröffnung der Online-Ausstellung mit rund 40 Gästen. Zwei Ehrenamtliche "
                "übernehmen die weitere Erfassung; das Team schult sie im August noch einmal.",
            ),
        ),
        (
            "Erfassungsschema Fotoarchiv",
            (
                "Signatur (Mappe, laufende Nummer)",
                "Motiv: Ort, Straße, Gebäude",
                "Jahr oder Zeitraum, mit Angabe der Sicherheit",
                "Abgebildete Personen (nur mit Einverständnis oder nach Ablauf der Fristen)",
                "Quelle der Angabe (Beschriftung, Erzählcafé, Literatur)",
                "Rechte: Fotograf, Nutzung geklärt (ja/nein)",
            ),
        ),
        (
            (
                "con",
                2,
                "Herzlich willkommen! Bitte bringen Sie zum ersten Termin "
                "Baumwollhandschuhe mit, wir haben nur zwei Paar.",
            ),
            (
                "m0",
                12,
                "Das Erfassungsschema ist hochgeladen. Frau Rudolph, passt die "
                "Einteilung nach Stadtteilen so?",
            ),
            (
                "con",
                13,
                "Ja, aber bitte die eingemeindeten Dörfer getrennt aufführen, sonst "
                "suchen wir später lange.",
            ),
            (
                "m2",
                53,
                "Das Erzählcafé war großartig: Herr Pfeiffer hat sein eigenes "
                "Einschulungsfoto gefunden!",
            ),
            (
                "sup",
                70,
                "Bitte geben Sie bei den Ausstellungstexten jeweils an, woher die "
                "Angaben stammen und welche unsicher sind.",
            ),
        ),
        FeedbackSpec(
            5,
            5,
            "Die Erzählcafés sind sehr wertvoll, davon gern mehr.",
            "Die Studierenden gehen sehr behutsam mit den Originalen um.",
        ),
        FeedbackSpec(
            5,
            5,
            "Wir erfassen weiter und möchten die Ausstellung im Herbst in der Stadtbibliothek "
            "zeigen.",
        ),
    ),
    WorkspaceSpec(
        ProjectSpec(
            "Hitzeinseln in der Innenstadt: Wo wird es im Sommer zu heiß?",
            RESEARCH,
            "Hitzeinseln in der Eilenburger Innenstadt",
            "Das Team wertet Satellitendaten zur Oberflächentemperatur aus, misst an heißen "
            "Tagen mit mobilen Sensoren auf festen Routen durch die Innenstadt und verbindet "
            "beides mit dem Baumkataster. Am Ende steht eine Liste der Orte, an denen "
            "Entsiegelung, Bäume oder Trinkbrunnen am meisten bewirken.",
            (_BRANDT,),
            (_EB_PLANNING,),
            (3, 5),
            ("fernerkundung",),
            ("geoinformatik", "raumanalyse", "stadtplanung"),
            (GEO, HUMGEO, STADT),
            "Projektseminar Physische Geographie",
            10,
            "Innenstadt Eilenburg, Messrouten und Wetterstation",
            "an heißen Tagen, je nach Wetterlage kurzfristig",
        ),
        5,
        "Fünf Studierende der Geographie haben im Sommer 2026 gemessen, wo es in der "
        "Eilenburger Innenstadt am heißesten wird. Auf dem Marktplatz und an zwei Parkplätzen "
        "lag die Lufttemperatur an heißen Nachmittagen bis zu 4 Grad über der am Muldeufer. Die "
        "Stadt nutzt die Karte der Hitzeinseln und die zwölf empfohlenen Maßnahmen für ihren "
        "Beitrag zum Klimaanpassungskonzept des Landkreises.",
        "Aus Satellitenaufnahmen von acht wolkenfreien Sommertagen entstand eine Karte der "
        "Oberflächentemperaturen der Innenstadt. An fünf heißen Tagen fuhr das Team mit "
        "Sensoren am Lastenrad feste Routen; der Marktplatz war am Nachmittag im Mittel 3,8 Grad "
        "wärmer als das Muldeufer. Zusammen mit dem Baumkataster zeigt sich, dass vor allem "
        "versiegelte Plätze ohne Baumkronen auffallen. Empfohlen werden zwölf Maßnahmen, vorne "
        "Bäume und ein Wasserspiel auf dem Marktplatz, die Entsiegelung von zwei Parkplätzen "
        "und zwei Trinkbrunnen. Die Messdaten stehen der Stadt als offene Daten zur Verfügung.",
        (
            (
                14,
                "Satellitendaten ausgewählt und aufbereitet",
                "Acht wolkenfreie Sommertage, Oberflächentemperatur der Innenstadt.",
            ),
            (45, "Messfahrten an heißen Tagen", "Fünf Messtage zwischen Ende Mai und Anfang Juli."),
            (
                65,
                "Karte der Hitzeinseln fertig",
                "Satellitendaten, Messfahrten und Baumkataster in einer Karte.",
            ),
            (80, "Maßnahmenliste übergeben", "Zwölf Maßnahmen, sortiert nach Wirkung und Kosten."),
        ),
        (
            MeetingSpec(
                MEET,
                1,
                (10, 0),
                "Online (Videokonferenz)",
                "Auftakt mit Frau Hoffmann und dem Grünflächenamt. Die Stadt stellt "
                "Baumkataster, Luftbilder und Daten der Wetterstation bereit. Gemessen wird an "
                "Tagen über 28 Grad; das Team meldet sich jeweils zwei Tage vorher.",
            ),
            MeetingSpec(
                VISIT,
                10,
                (13, 0),
                "Eilenburg, Marktplatz und Muldeufer",
                "Probefahrt mit den Sensoren am Lastenrad. Die Route über Marktplatz, Torgauer "
                "Straße und Muldeufer dauert 40 Minuten und wird an jedem Messtag dreimal "
                "gefahren.",
            ),
            MeetingSpec(
                VISIT,
                47,
                (14, 0),
                "Eilenburg, Messrouten in der Innenstadt",
                "Messtag bei 33 Grad: Der Marktplatz war 3,8 Grad wärmer als das Muldeufer, die "
                "Parkplätze an der Bahnhofstraße ähnlich warm. Frau Hoffmann hat eine Fahrt "
                "begleitet.",
            ),
            MeetingSpec(
                MEET,
                80,
                (15, 0),
                "Rathaus Eilenburg, Sitzungsraum",
                "Übergabe der Karte und der zwölf Maßnahmen an Stadtplanung und "
                "Grünflächenamt. Die Stadt übernimmt die Ergebnisse in ihren Beitrag zum "
                "Klimaanpassungskonzept des Landkreises.",
            ),
        ),
        (
            "Messprotokoll Hitzetage",
            (
                "Messtag, Uhrzeit der drei Fahrten, Wetterlage",
                "Route: Marktplatz - Torgauer Straße - Bahnhofstraße - Muldeufer",
                "Lufttemperatur und Luftfeuchte alle fünf Sekunden, mit GPS-Position",
                "Korrektur um den Temperaturverlauf an der Wetterstation",
                "Besonderheiten (Schatten, Baustellen, Veranstaltungen)",
            ),
        ),
        (
            (
                "m0",
                4,
                "Die Satellitenszenen für acht wolkenfreie Sommertage sind "
                "heruntergeladen und aufbereitet.",
            ),
            (
                "m1",
                20,
                "Die nächsten heißen Tage sind Donnerstag und Freitag. Wer kann am "
                "Donnerstag fahren?",
            ),
            (
                "con",
                21,
                "Das Lastenrad steht ab Mittwoch am Rathaus bereit, den Schlüssel gibt "
                "es an der Information.",
            ),
            (
                "sup",
                50,
                "Bitte korrigieren Sie die Messwerte um den Tagesgang, sonst sind die "
                "Fahrten nicht vergleichbar.",
            ),
            ("m3", 74, "Die Maßnahmenliste ist hochgeladen, sortiert nach Wirkung und Kosten."),
        ),
        FeedbackSpec(
            4,
            4,
            "Die Messungen um Orte mit vielen älteren Menschen ergänzen, etwa rund um das "
            "Seniorenheim.",
        ),
        FeedbackSpec(
            5,
            4,
            "Die Ergebnisse gehen ins Klimaanpassungskonzept; wir möchten die Messfahrten in "
            "zwei Jahren wiederholen.",
            "Kurzfristige Termine an Hitzetagen waren für uns manchmal schwierig, aber das Team "
            "war sehr flexibel.",
        ),
    ),
    WorkspaceSpec(
        ProjectSpec(
            "IT-Sicherheit im Handwerk: ein Check für kleine Betriebe in Zeitz",
            PRAXIS,
            "IT-Sicherheits-Check für Handwerksbetriebe in Zeitz",
            "Das Team entwickelt mit Elster-IT einen Fragebogen, mit dem kleine Betriebe in "
            "einer Stunde ihre IT-Sicherheit prüfen, erprobt ihn in fünf Betrieben und schreibt "
            "einen Leitfaden mit den wichtigsten Maßnahmen in verständlicher Sprache. "
            "Informatik und Kommunikationswissenschaft arbeiten dabei eng zusammen.",
            (_ZIMMERMANN, _DEMIR),
            (_ELSTER_IT,),
            (3, 5),
            ("it-sicherheit",),
            ("webentwicklung", "oeffentlichkeitsarbeit", "betriebswirtschaft"),
            (INF, KMW, WIWI),
            "Praktikum IT-Sicherheit",
            10,
            "Elster-IT und fünf Testbetriebe in Zeitz",
            "zum Auftakt und in der Testphase wöchentlich",
        ),
        5,
        "Ein Team aus Informatik und Kommunikationswissenschaft hat einen IT-Sicherheits-Check "
        "für kleine Betriebe entwickelt: 30 Fragen, eine Stunde Zeit, am Ende eine Ampel und die "
        "drei wichtigsten nächsten Schritte. Fünf Zeitzer Betriebe haben den Check getestet, "
        "vom Malerbetrieb bis zur Physiotherapiepraxis. Elster-IT bietet ihn seit September "
        "gemeinsam mit dem Gewerbe- und Handelsverein an.",
        "Der Fragebogen deckt Datensicherung, Passwörter, Updates, E-Mail-Betrug und "
        "Notfallpläne ab und wertet die Antworten automatisch aus. In allen fünf Testbetrieben "
        "fehlte eine Datensicherung außer Haus; drei nutzten dasselbe Passwort für mehrere "
        "Konten. Der Leitfaden „Zehn Schritte zu einem sicheren Betrieb“ erklärt jede Maßnahme "
        "auf einer Seite ohne Fachbegriffe. Die Betriebe bewerteten den Check im Mittel mit 4,4 "
        "von 5 Punkten. Elster-IT hat ihn in sein Angebot übernommen.",
        (
            (
                10,
                "Fragen gesammelt und priorisiert",
                "Vorfälle aus dem Support von Elster-IT ausgewertet, 30 Fragen ausgewählt.",
            ),
            (
                30,
                "Fragebogen und Auswertung als Prototyp",
                "Online-Fragebogen mit Ampel und nächsten Schritten.",
            ),
            (
                60,
                "Test in fünf Betrieben abgeschlossen",
                "Jeweils eine Stunde vor Ort, Befragung zur Verständlichkeit.",
            ),
            (
                80,
                "Leitfaden und Übergabe",
                "Zehn Schritte zu einem sicheren Betrieb, Übergabe an Elster-IT.",
            ),
        ),
        (
            MeetingSpec(
                MEET,
                2,
                (9, 0),
                "Elster-IT Service GmbH, Zeitz",
                "Auftakt bei Elster-IT: Herr Krüger schildert typische Vorfälle in kleinen "
                "Betrieben. Der Check soll in einer Stunde zu schaffen sein und ohne "
                "Fachbegriffe auskommen. Der Gewerbe- und Handelsverein vermittelt fünf "
                "Testbetriebe.",
            ),
            MeetingSpec(
                VISIT,
                38,
                (8, 0),
                "Zwei Testbetriebe in Zeitz",
                "Erste Tests: In beiden Betrieben dauerte der Check gut 50 Minuten. Fragen zu "
                "Datensicherung und Updates waren klar, die Frage nach Zugriffsrechten nicht; "
                "sie wird umformuliert.",
            ),
            MeetingSpec(
                VISIT,
                52,
                (8, 30),
                "Drei weitere Testbetriebe in Zeitz",
                "Tests in einem Malerbetrieb, einer Physiotherapiepraxis und einem Autohaus. In "
                "allen fehlte eine Datensicherung außer Haus. Die Ampel am Ende kam gut an.",
            ),
            MeetingSpec(
                MEET,
                80,
                (18, 0),
                "Gewerbe- und Handelsverein Zeitz, Mitgliederabend",
                "Vorstellung des Checks auf dem Mitgliederabend. Sieben Betriebe haben sich "
                "direkt für einen Termin eingetragen. Elster-IT übernimmt den Check in sein "
                "Angebot.",
            ),
        ),
        (
            "Fragenkatalog IT-Sicherheits-Check",
            (
                "Datensicherung: Wie oft, wohin, schon einmal zurückgespielt?",
                "Passwörter: Passwortmanager, Zwei-Faktor-Anmeldung",
                "Updates: Betriebssystem, Programme, Router",
                "E-Mail: Umgang mit Rechnungen und Anhängen",
                "Notfall: Wen rufen Sie an, wenn nichts mehr geht?",
            ),
        ),
        (
            (
                "con",
                3,
                "Ich habe Ihnen eine anonymisierte Liste der zwanzig häufigsten Vorfälle "
                "aus unserem Support hochgeladen.",
            ),
            ("m0", 11, "Wir haben die Fragen auf 30 reduziert. Passt die Gewichtung so?"),
            (
                "sup",
                12,
                "Im Grundsatz ja. Datensicherungen außer Haus sollten aber stärker "
                "zählen als Passwortregeln.",
            ),
            ("m2", 53, "Alle fünf Tests sind durch. Die Ergebnisse liegen anonymisiert im Ordner."),
            ("m1", 75, "Der Leitfaden ist fertig: eine Seite pro Maßnahme, ohne Fachbegriffe."),
        ),
        FeedbackSpec(
            4,
            5,
            "Den Fragebogen kürzer machen und die Auswertung mit konkreten Schritten verbinden.",
        ),
        FeedbackSpec(
            5,
            5,
            "Wir bieten den Check ab September an und möchten als Nächstes Schulungen für "
            "Beschäftigte entwickeln.",
            "Sehr professionelle Zusammenarbeit, wir würden sofort wieder mitmachen.",
        ),
    ),
)

OPEN_PROJECTS: tuple[ProjectSpec, ...] = (
    ProjectSpec(
        "Zurück nach Eilenburg: Pendelnde aus Leipzig für Arbeit vor Ort gewinnen",
        RESEARCH,
        "Zurück nach Eilenburg: Was Pendelnde zum Wechsel bewegt",
        "Das Team befragt Eilenburgerinnen und Eilenburger, die zur Arbeit nach Leipzig pendeln, "
        "online und am Bahnhof und führt Interviews mit fünf bis zehn Betrieben des "
        "Gewerbevereins. Aus beidem entstehen Empfehlungen für eine Kampagne der "
        "Wirtschaftsförderung. Sie verantworten eine Befragung von der Stichprobe bis zur "
        "Auswertung selbst.",
        (_SEIDEL,),
        (_EB_TOWN,),
        (3, 6),
        ("empirische-sozialforschung",),
        ("datenanalyse", "fachkraeftesicherung", "demografie"),
        (SOZ, HUMGEO, WIWI),
        "Lehrforschungsprojekt (Soziologie, B.A.)",
        10,
        "Rathaus und Bahnhof Eilenburg",
        "dreimal im Semester, dazu zwei Befragungstage am Bahnhof",
        popularity=5,
        hooks=(
            "Mich interessiert, warum Menschen täglich pendeln, obwohl es vor Ort Arbeit gäbe.",
            "Ich pendle selbst jeden Tag und kenne die S-Bahn nach Eilenburg gut.",
            "Eine Befragung von Anfang bis Ende selbst zu planen, reizt mich sehr.",
        ),
    ),
    ProjectSpec(
        "Sicher mit dem Rad zur S-Bahn",
        PRAXIS,
        "Sicher mit dem Rad zur S-Bahn in Eilenburg",
        "Das Team befährt die Routen aus den Ortsteilen und aus Eilenburg-Ost zum Bahnhof, "
        "kartiert Mängel in QGIS und zählt an zwei Morgen die Räder an der Abstellanlage. Daraus "
        "entsteht eine Prioritätenliste, die die Stadt in ihren Förderantrag übernehmen kann. "
        "Ein eigenes Fahrrad ist hilfreich; es kann in der S-Bahn mitgenommen werden.",
        (_BRANDT,),
        (_EB_PLANNING,),
        (4, 8),
        ("geoinformatik",),
        ("raumanalyse", "stadtplanung", "buergerbeteiligung"),
        (GEO, STADT, HUMGEO),
        "Projektseminar Angewandte Geographie",
        10,
        "Bahnhof Eilenburg, Dübener Landstraße und Ortsteile",
        "alle zwei Wochen, meist dienstags",
        popularity=9,
        hooks=(
            "Radverkehr in kleinen Städten ist das Thema, über das ich meine Abschlussarbeit "
            "schreiben möchte.",
            "Ich fahre jeden Tag mit dem Rad zur S-Bahn und weiß, wie viel eine sichere Route "
            "ausmacht.",
            "Mängel zu kartieren und daraus Prioritäten abzuleiten, passt genau zu dem, was ich "
            "in GIS-Kursen gelernt habe.",
        ),
    ),
    ProjectSpec(
        "Produktionsplanung mit den eigenen Daten",
        THESIS,
        "Produktionsplanung mit Daten einer Zeitzer Werkstatt (Abschlussarbeit)",
        "Eine Bachelor- oder Masterarbeit in Informatik oder Wirtschaftswissenschaften: Aus "
        "anonymisierten Auftrags- und Maschinendaten werden Durchlaufzeiten ausgewertet und ein "
        "einfacher Planungsvorschlag entwickelt, den der Betrieb im Alltag nutzen kann. Die "
        "Daten sind vertraulich; vor dem Start unterzeichnen Sie eine "
        "Vertraulichkeitsvereinbarung.",
        (_ZIMMERMANN,),
        ("werkstatt@zeitzer-werkstaetten.example", "inhaberin@zeitzer-werkstaetten.example"),
        (1, 2),
        ("datenanalyse",),
        ("softwareentwicklung", "betriebswirtschaft", "logistik"),
        (INF, WIWI),
        "Bachelor- oder Masterarbeit",
        12,
        "Werkstatt in Zeitz",
        "nach Absprache, etwa einmal im Monat",
        language=Project.WorkLanguage.BOTH,
        popularity=1.5,
        hooks=(
            "Ich suche ein Thema für meine Abschlussarbeit mit echten Daten aus einem Betrieb.",
            "Planungsprobleme mit Daten zu lösen, möchte ich auch nach dem Studium beruflich "
            "machen.",
        ),
    ),
    ProjectSpec(
        "Vom Klassenzimmer in die Werkstatt: den Übergang von der Schule in den Beruf stärken",
        PRAXIS,
        "Vom Klassenzimmer in die Werkstatt: ein neuer Ausbildungsmarkt für Eilenburg",
        "Gemeinsam mit Jugendlichen, Lehrkräften und Betrieben entwickelt das Team in einer "
        "Zukunftswerkstatt ein neues Format für den Ausbildungsmarkt und bereitet einen ersten "
        "Schnuppertag vor. Sie moderieren Workshops an zwei Oberschulen und sprechen mit "
        "Auszubildenden über ihren Weg in den Beruf.",
        (_DEMIR,),
        ("geschaeftsfuehrung@muldental-metallbau.example", _EB_TOWN),
        (4, 8),
        ("moderation",),
        ("oeffentlichkeitsarbeit", "social-media", "fachkraeftesicherung"),
        (KMW, SOZ, KUWI, WIWI),
        "Projektmodul Strategische Kommunikation",
        10,
        "Oberschulen und Betriebe in Eilenburg",
        "etwa alle drei Wochen, dazu ein Workshoptag an jeder Schule",
        popularity=4,
        hooks=(
            "Ich wusste selbst lange nicht, welche Ausbildungen es in meiner Heimatregion gibt.",
            "Workshops mit Jugendlichen zu moderieren, habe ich im Ehrenamt gelernt und möchte "
            "es hier anwenden.",
            "Mich reizt, Kommunikation für Betriebe zu entwickeln, die sonst kaum jemand hört.",
        ),
    ),
    ProjectSpec(
        "Gut versorgt im Dorf: Pflege und Nachbarschaftshilfe in den Ortsteilen",
        RESEARCH,
        "Gut versorgt im Dorf: Nachbarschaftshilfe in Zeitzer Ortsteilen",
        "Das Team untersucht in drei Ortsteilen, wie ältere Menschen heute versorgt werden: "
        "durch Pflegedienst, Familie, Nachbarschaft oder Kirchgemeinde. Es führt Gespräche mit "
        "Älteren, Angehörigen und Ortschaftsräten und kartiert die Wege zu Arztpraxen, Läden "
        "und Haltestellen. Am Ende stehen Vorschläge, welche Angebote die Stadt unterstützen "
        "sollte.",
        (_SEIDEL, _HAHN),
        (_ZZ_MAYOR, _ZZ_PLANNING),
        (3, 6),
        ("empirische-sozialforschung",),
        ("demografie", "geoinformatik", "ehrenamt"),
        (SOZ, HUMGEO, GEO),
        "Projektstudie Humangeographie (M.Sc.)",
        15,
        "Dorfgemeinschaftshäuser in Kayna, Luckenau und Theißen",
        "vier Erhebungstage vor Ort, mit Regionalbahn und Bus oder in Fahrgemeinschaften",
        popularity=3,
        hooks=(
            "Meine Großeltern leben in einem Dorf, und ich sehe, wie viel dort an der "
            "Nachbarschaft hängt.",
            "Ich habe schon Interviews mit älteren Menschen geführt und möchte das vertiefen.",
        ),
    ),
    ProjectSpec(
        "Was steckt in Abrisshäusern? Eine Bauteilbörse für Nordsachsen",
        PRAXIS,
        "Eine Bauteilbörse für Nordsachsen: Mengen und Geschäftsmodell",
        "Das Team schätzt ab, wie viele wiederverwendbare Bauteile bei Abriss und Entkernung in "
        "Eilenburg und Umgebung anfallen, spricht mit Abbruchfirmen und Handwerksbetrieben und "
        "rechnet ein Geschäftsmodell mit Lager, Preisen und Personal durch. Zwei Besuche auf "
        "Rückbaustellen gehören dazu, festes Schuhwerk ist nötig.",
        (_POHL,),
        ("gruenderin@startup-eilenburg.example",),
        (3, 6),
        ("betriebswirtschaft",),
        ("bauwesen", "gruendung", "datenanalyse"),
        (WIWI, STADT),
        "Projektseminar Bauwirtschaft und Kreislaufwirtschaft",
        10,
        "Rückbaustellen und Lager in Eilenburg",
        "zweimal im Semester, dazu Interviews vor Ort",
        popularity=3,
        hooks=(
            "Kreislaufwirtschaft im Bau finde ich spannender als jedes Lehrbuchbeispiel.",
            "Ein Geschäftsmodell für ein echtes Start-up durchzurechnen, ist für mich die "
            "ideale Praxis.",
        ),
    ),
    ProjectSpec(
        "Wohnungstausch: große Wohnung gegen kleine, aber wie?",
        RESEARCH,
        "Wohnungstausch in der Genossenschaft: groß gegen klein",
        "Das Team wertet anonymisierte Belegungsdaten der Genossenschaft aus und spricht mit "
        "älteren Mitgliedern und jungen Familien darüber, was einen Wohnungstausch leichter "
        "machen würde. Daraus entsteht ein Vorschlag für ein Tauschprogramm mit Umzugshilfe und "
        "Mietregeln. Die Daten werden nur in den Räumen der Genossenschaft ausgewertet.",
        (_HAHN,),
        ("vermietung@wg-muldeaue.example", "vorstand@wg-muldeaue.example"),
        (3, 6),
        ("wohnungswirtschaft",),
        ("quartiersentwicklung", "demografie", "empirische-sozialforschung"),
        (STADT, HUMGEO, SOZ),
        "Projektstudie Wohnen und Quartier",
        10,
        "Nachbarschaftstreff der Genossenschaft in Eilenburg",
        "alle zwei bis drei Wochen",
        popularity=2.5,
        hooks=(
            "Wohnungsmärkte in schrumpfenden Städten sind mein Schwerpunkt im Studium.",
            "Ich möchte verstehen, wie man älteren Menschen einen Umzug erleichtert, ohne sie "
            "zu drängen.",
        ),
    ),
    ProjectSpec(
        "Das Zeitzer Land in sozialen Medien: mit wenig Zeit viele erreichen",
        PRAXIS,
        "Das Zeitzer Land in sozialen Medien",
        "Das Team analysiert die Kanäle des Tourismusvereins, entwickelt einen Redaktionsplan, "
        "der mit zwei Stunden pro Woche auskommt, und testet ihn vier Wochen lang mit eigenen "
        "Fotos und Texten aus Dom, Moritzburg und den unterirdischen Gängen. Am Ende übergibt "
        "es Vorlagen und eine Auswertung an die Ehrenamtlichen.",
        (_DEMIR, _KRAFT),
        ("info@zeitzer-land.example",),
        (4, 8),
        ("social-media",),
        ("mediengestaltung", "tourismus", "stadtmarketing"),
        (KMW, KUWI),
        "Projektmodul Digitale Kommunikation",
        10,
        "Altstadt Zeitz, Dom und Moritzburg",
        "drei Foto- und Workshoptage in Zeitz",
        popularity=8,
        hooks=(
            "Ich betreue den Instagram-Kanal meines Sportvereins und möchte lernen, wie man das "
            "strategisch macht.",
            "Zeitz kannte ich bis vor Kurzem nicht, und genau das möchte ich für andere ändern.",
            "Fotografieren und Texten für eine echte Zielgruppe reizen mich.",
        ),
    ),
    ProjectSpec(
        "Wie viele Menschen kommen in die Altstadt? Passanten zählen mit Sensoren",
        PRAXIS,
        "Passanten zählen in der Zeitzer Altstadt",
        "Das Team baut mit Elster-IT drei Zählstellen mit günstigen Sensoren auf, die "
        "datenschutzkonform zählen, ohne Menschen zu filmen oder Handys zu verfolgen. Es wertet "
        "die ersten Wochen aus, stellt die Zahlen den Händlern vor und schreibt eine Anleitung "
        "für den dauerhaften Betrieb. Programmiererfahrung, etwa in Python, ist nötig.",
        (_ZIMMERMANN, _BRANDT),
        (_ELSTER_IT, _ZZ_ECONOMY),
        (3, 8),
        ("softwareentwicklung",),
        ("offene-daten", "datenanalyse", "geoinformatik"),
        (INF, GEO),
        "Projektpraktikum Informatik",
        10,
        "Altstadt Zeitz, drei Zählstellen rund um den Altmarkt",
        "zum Aufbau zwei Tage, danach alle zwei Wochen",
        language=Project.WorkLanguage.BOTH,
        popularity=6,
        hooks=(
            "Sensoren, Funknetz und echte Daten: Genau so ein Projekt fehlt mir im Studium.",
            "Mir ist wichtig, dass Zählungen ohne Überwachung funktionieren, und das möchte ich "
            "zeigen.",
        ),
    ),
    ProjectSpec(
        "Balkonkraftwerke für Mieterinnen und Mieter: Beratung, die ankommt",
        PRAXIS,
        "Balkonkraftwerke für Mieterinnen und Mieter in Zeitz",
        "Das Team befragt Mieterinnen und Mieter in Zeitz-Ost, was sie von einem "
        "Balkonkraftwerk abhält, und entwickelt mit Elstertal Solartechnik und einer "
        "Wohnungsgenossenschaft ein Beratungsangebot mit Materialien in einfacher Sprache. Dazu "
        "gehört ein Vorschlag für eine Sammelbestellung. Technisches Vorwissen ist nicht nötig.",
        (_POHL,),
        ("projekte@elstertal-solar.example", "kontakt@elstertal-solar.example"),
        (3, 6),
        ("marketing-und-vertrieb",),
        ("oeffentlichkeitsarbeit", "wohnungswirtschaft", "buergerbeteiligung"),
        (WIWI, KMW, STADT),
        "Projektseminar Energie und Quartier",
        10,
        "Zeitz-Ost und das Firmengelände von Elstertal Solartechnik",
        "alle drei Wochen",
        popularity=2,
        hooks=(
            "Die Energiewende muss auch bei Menschen ohne eigenes Dach ankommen.",
            "Beratung in einfacher Sprache zu entwickeln, finde ich eine wichtige und "
            "unterschätzte Aufgabe.",
        ),
    ),
)

# Students at most per supervisor and round, over all their projects (binding for some).
FINISHED_CAPACITIES = {
    _HAHN: 8,
    _ZIMMERMANN: 10,
    _SEIDEL: 6,
    _KRAFT: 5,
    _BRANDT: 6,
    _DEMIR: 6,
}
OPEN_CAPACITIES = {
    _SEIDEL: 12,
    _BRANDT: 16,
    _ZIMMERMANN: 10,
    _DEMIR: 16,
    _HAHN: 12,
    _POHL: 12,
    _KRAFT: 8,
}

AVAILABILITY = (
    "Dienstags und donnerstags ganztägig",
    "Montags und mittwochs ab 12 Uhr",
    "Freitags ganztägig, sonst nach Absprache",
    "Flexibel, außer montags",
    "Dienstags vormittags und freitags",
    "Mittwochs und donnerstags; neben dem Studium 12 Stunden Nebenjob",
    "Flexibel; in der Prüfungszeit nur online",
    "Donnerstags und freitags, nicht in der ersten Märzwoche",
)

# How the generated applicants open their motivation.
OPENERS = (
    "Ich studiere {programme} im {semester}. Semester.",
    "Ich bin im {semester}. Semester ({programme}) und suche ein Projekt mit echtem Praxisbezug.",
)

# --- The finished round --------------------------------------------------------------------------

# Its dates in the order of its story.
FINISHED_PLANNED = dt.date(2026, 2, 16)  # the coordination sets the round up
FINISHED_OPENS = dt.date(2026, 4, 1)  # applications open
FINISHED_CLOSES = dt.date(2026, 4, 12)  # and close
FINISHED_PUBLISHED = dt.date(2026, 4, 15)  # the allocation's result
FINISHED_WORK = dt.date(2026, 4, 20)  # the work phase starts
FINISHED_PRESENTATION = dt.date(2026, 7, 9)
FINISHED_COMPLETED = dt.date(2026, 7, 24)  # the projects are marked completed
FINISHED_ENDS = dt.date(2026, 7, 31)
FINISHED_DESCRIPTION = (
    "Sechs Projekte mit Partnern in Eilenburg und Zeitz, von April bis Juli 2026. Die Ergebnisse "
    "stehen im Schaufenster."
)

# --- The open round ------------------------------------------------------------------------------

OPEN_DESCRIPTION = (
    "Praxisprojekte, Forschungsprojekte und eine Abschlussarbeit mit Partnern in Eilenburg und "
    "Zeitz. Sie wählen drei bis fünf Projekte in Ihrer Reihenfolge und begründen die ersten "
    "beiden kurz. Die Projektarbeit beginnt zwei Wochen nach dem Bewerbungsschluss; zum "
    "Abschluss stellen alle Teams ihre Ergebnisse in Leipzig vor."
)
