"""The demo's challenges: thirty tasks of the partners, from draft to completed, in the partners'
words. The challenge services take each to its status (`transferraum.demo.services`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from transferraum.challenges.models import Challenge
from transferraum.demo.data.organisations import (
    STARTUP,
    TOWN_EILENBURG,
    TOWN_ZEITZ,
    TRADE_EILENBURG,
    TRADE_ZEITZ,
)
from transferraum.demo.data.people import COORDINATOR, COORDINATOR_PROJECTS, STUDENT_DOMAIN

# The demo's "today": challenge dates are counted from here, never from the real date, so that a
# demo loaded next year tells the same story (what is finished, what runs, what starts soon).
DEMO_TODAY = date(2026, 11, 24)
BAD_DUEBEN = "14730020"

Status = Challenge.Status
Offer = Challenge.PartnerOffer
Definition = Challenge.Definition
Depth = Challenge.Depth
PUBLIC = Challenge.Confidentiality.PUBLIC
SUMMARY = Challenge.Confidentiality.SUMMARY
CONFIDENTIAL = Challenge.Confidentiality.CONFIDENTIAL


@dataclass(frozen=True)
class ChallengeSpec:
    """A challenge and how far it got; the services take it there step by step.

    `author` (e-mail of a member) writes, submits and withdraws; the coordinator does the rest.
    `note` is what the last step says: the change request, the rejection reason or why the
    organisation withdrew. With `revision_request` the challenge was first sent back once
    without its desired result, which the author then added.
    """

    organisation: str
    author: str
    status: str
    title: str
    problem: str  # Markdown, in the partner's words
    context: str
    desired_result: str
    topics: tuple[str, ...]  # slugs of the catalogue
    start: int | None  # days after DEMO_TODAY, negative before
    deadline: int | None
    offers: tuple[str, ...] = ()
    offers_note: str = ""
    contact: str = ""  # e-mail of a member; the author when empty
    municipality: str = ""  # AGS; the organisation's when empty
    confidentiality: str = PUBLIC
    public_summary: str = ""
    nda: bool = False
    format_wish: str = ""
    definition: str = Definition.PARTLY
    citizens: bool = False
    depth: str = Depth.MEDIUM
    team_size: int | None = None
    formats: tuple[str, ...] = ()  # assigned on acceptance
    coordinator: str = COORDINATOR  # responsible from acceptance on
    withdrawn_from: str = ""  # the status in which a withdrawn challenge was withdrawn
    note: str = ""
    revision_request: str = ""
    comments: tuple[tuple[str, str, bool], ...] = ()  # (author e-mail, text, visible to submitter)
    followers: tuple[str, ...] = ()  # e-mails of the student personas


_EB_TOWN = "wirtschaft@eilenburg.example"
_EB_PLANNING = "stadtplanung@eilenburg.example"
_ZZ_PLANNING = "stadtplanung@zeitz.example"
_LENA = f"lena.schubert@{STUDENT_DOMAIN}"
_JONAS = f"jonas.weber@{STUDENT_DOMAIN}"

# In the order of their lifecycle, from finished to fresh: the board lists the most recently
# published first, so the open challenges lead it and the completed ones close it.
CHALLENGES: tuple[ChallengeSpec, ...] = (
    # --- completed
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_PLANNING,
        Status.COMPLETED,
        "Leerstandskataster für die Eilenburger Innenstadt",
        "Rund um den Marktplatz und in der Torgauer Straße stehen Ladenlokale leer, aber "
        "niemand in der Verwaltung weiß genau, wie viele es sind und wem sie gehören. Unsere "
        "Daten stammen aus einer Begehung von 2019 und aus Hinweisen von Bürgerinnen und "
        "Bürgern. Wenn eine Gründerin nach einem Laden fragt, recherchieren wir jedes Mal neu. "
        "Wir brauchen einen **aktuellen Überblick**, den wir selbst fortschreiben können.",
        "Das integrierte Stadtentwicklungskonzept sieht ein Leerstandsmanagement vor. Die Stadt "
        "arbeitet mit QGIS, hat aber niemanden, der sich hauptberuflich um Leerstand kümmert.",
        "- eine Kartierung aller Erdgeschosslagen der Innenstadt\n"
        "- eine QGIS-Vorlage, die wir selbst pflegen können\n"
        "- Empfehlungen, welche Lagen sich für eine Zwischennutzung eignen",
        ("innenstadt-leerstand",),
        -420,
        -120,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Bebauungspläne, Liegenschaftskarte und die Begehung von 2019 stellen wir "
        "bereit; Frau Hoffmann ist jeden Dienstag erreichbar.",
        format_wish="praxisprojekt",
        definition=Definition.CLEAR,
        team_size=4,
        formats=("praxisprojekt",),
        followers=(_LENA,),
    ),
    ChallengeSpec(
        "Bäckerei Sommerfeld",
        "inhaberin@baeckerei-sommerfeld.example",
        Status.COMPLETED,
        "Online vorbestellen, in der Filiale abholen",
        "Unsere Kundschaft fragt immer öfter, ob sie Brötchen und Torten im Internet bestellen "
        "kann. Heute läuft alles über Telefon und Zettel, und am Samstagmorgen klingelt das "
        "Telefon ununterbrochen. Große Shopsysteme sind uns für vier Filialen zu teuer und zu "
        "kompliziert. Wir wünschen uns eine einfache Lösung, die unsere Verkäuferinnen ohne "
        "Schulung bedienen können.",
        "Die Bäckerei hat vier Filialen in Eilenburg und Umgebung und beliefert Kitas und "
        "Schulen, deren Bestellungen bisher per Fax kommen.",
        "Ein erprobter Prototyp für Vorbestellungen mit Filiale und Abholzeit und eine "
        "Empfehlung, ob wir ihn selbst betreiben oder einen Dienstleister beauftragen.",
        ("ansiedlung-wirtschaft",),
        -300,
        -90,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Das Team darf einen Vormittag in Backstube und Verkauf mitlaufen.",
        definition=Definition.CLEAR,
        team_size=5,
        formats=("praxisprojekt", "praktikum"),
        followers=(_JONAS,),
    ),
    ChallengeSpec(
        "Tourismusverein Zeitzer Land e.V.",
        "info@zeitzer-land.example",
        Status.COMPLETED,
        "Wer radelt den Elster-Radweg? Eine Befragung der Radgäste",
        "Jedes Jahr fahren Tausende auf dem Elster-Radweg durch Zeitz, aber nur wenige halten "
        "in der Altstadt an. Wir wissen nicht, woher die Gäste kommen, wie lange sie bleiben "
        "und was ihnen fehlt. Gastgeber und Cafés fragen uns, ob sich längere Öffnungszeiten "
        "oder ein Fahrradservice lohnen würden. Ohne Zahlen können wir darauf keine ehrliche "
        "Antwort geben.",
        "In Zeitz zählt eine Zählstelle die Radfahrenden auf dem Elster-Radweg, aber niemand "
        "wertet ihre Daten aus.",
        "Eine Befragung in der Saison, die Auswertung der Zählstelle und drei bis fünf "
        "konkrete Empfehlungen für Gastgeber und Stadt.",
        ("kultur-tourismus", "mobilitaet"),
        -480,
        -240,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Daten der Radzählstelle seit 2021 und Kontakte zu 30 Gastgebern entlang "
        "des Radwegs.",
        citizens=True,
        team_size=4,
        formats=("praxisprojekt", "exkursion"),
    ),
    # --- in progress
    ChallengeSpec(
        TOWN_ZEITZ,
        _ZZ_PLANNING,
        Status.IN_PROGRESS,
        "Zwischennutzung für leere Läden am Altmarkt",
        "Am Altmarkt und in der Judenstraße stehen elf Ladenlokale leer, manche seit über zehn "
        "Jahren. Die Eigentümer warten auf zahlungskräftige Mieter, die nicht kommen, und die "
        "Schaufenster verstauben. Wir wollen ausprobieren, ob Pop-up-Läden, Ateliers oder ein "
        "Repair-Café wieder Leben in die Altstadt bringen. Dafür brauchen wir Menschen mit "
        "Ideen und einen Plan, wie wir weitere Eigentümer überzeugen.",
        "Zwei Eigentümer stellen ihre Läden für sechs Monate mietfrei zur Verfügung. Der "
        "Stadtrat unterstützt das Vorhaben als Teil des Strukturwandels.",
        "- zwei Zwischennutzungen, die ein halbes Jahr laufen\n"
        "- eine Auswertung: Wer kam, was hat funktioniert?\n"
        "- ein Leitfaden für weitere Eigentümerinnen und Eigentümer",
        ("innenstadt-leerstand", "kultur-tourismus"),
        -40,
        140,
        offers=(Offer.ROOMS, Offer.BUDGET, Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Zwei Ladenlokale am Altmarkt stehen mietfrei zur Verfügung; für Material "
        "gibt es ein Budget von 5.000 Euro.",
        format_wish="reallabor",
        citizens=True,
        depth=Depth.LOW,
        team_size=6,
        formats=("reallabor", "praxisprojekt"),
        coordinator=COORDINATOR_PROJECTS,
        comments=(
            (
                COORDINATOR,
                "Das Team hat sich gefunden: sechs Studierende aus Geographie und "
                "Stadtentwicklung, betreut von Prof. Dr. Pohl. Zum Auftakt am Altmarkt halten "
                "Sie bitte die Schlüssel für beide Läden bereit.",
                True,
            ),
        ),
        followers=(_LENA,),
    ),
    ChallengeSpec(
        "Muldental Metallbau GmbH",
        "personal@muldental-metallbau.example",
        Status.IN_PROGRESS,
        "Warum bewirbt sich niemand? Ausbildungsmarketing im Metallhandwerk",
        "Seit drei Jahren bleiben zwei unserer vier Ausbildungsplätze unbesetzt. Auf Anzeigen "
        "melden sich kaum Jugendliche, und auf Berufsmessen bleiben die Schülerinnen und "
        "Schüler lieber bei den großen Firmen aus Leipzig stehen. Dabei bieten wir sichere "
        "Arbeit, Übernahme und moderne CNC-Maschinen. Wir möchten verstehen, wie Jugendliche "
        "heute nach Ausbildungsplätzen suchen und wie wir sie erreichen.",
        "Der Betrieb hat 28 Beschäftigte, davon vier Auszubildende. Ein Drittel der "
        "Belegschaft geht in den nächsten zehn Jahren in Rente.",
        "Ein Kommunikationskonzept mit Kanälen, Botschaften und Beispielbeiträgen, das wir mit "
        "eigenen Leuten umsetzen können.",
        ("fachkraefte-demografie", "bildung"),
        -30,
        90,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        depth=Depth.LOW,
        team_size=4,
        formats=("praxisprojekt", "design-thinking"),
    ),
    ChallengeSpec(
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        "vorstand@wg-moritzburgblick.example",
        Status.IN_PROGRESS,
        "Energetische Sanierung: Welche Häuser zuerst?",
        "Unsere 900 Wohnungen verteilen sich auf 34 Häuser aus den Baujahren 1928 bis 1989. "
        "Bis 2045 sollen alle klimaneutral sein, aber das Geld reicht für höchstens zwei "
        "Häuser im Jahr. Wir wollen wissen, wo jeder Euro am meisten CO₂ spart, ohne dass die "
        "Mieten für unsere älteren Mitglieder unbezahlbar werden. Dafür müssten Verbräuche, "
        "Baualter und Mieterstruktur gemeinsam ausgewertet werden.",
        "Die Verbrauchsdaten stammen aus den Heizkostenabrechnungen der letzten fünf Jahre und "
        "lassen Rückschlüsse auf einzelne Haushalte zu.",
        "Eine Rangfolge der Häuser mit nachvollziehbaren Kriterien und eine Modellrechnung für "
        "die Entwicklung der Mieten.",
        ("energie-klima",),
        -60,
        200,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Zugang zu Verbrauchs- und Gebäudedaten nach Unterzeichnung einer "
        "Vertraulichkeitsvereinbarung.",
        confidentiality=SUMMARY,
        public_summary="Eine Zeitzer Wohnungsgenossenschaft sucht eine Reihenfolge für die "
        "energetische Sanierung ihrer 34 Häuser, die Klimaschutz und bezahlbare Mieten "
        "zusammen denkt. Die Auswertung stützt sich auf vertrauliche Verbrauchsdaten.",
        nda=True,
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=2,
        formats=("abschlussarbeit", "forschungsprojekt"),
    ),
    # --- published
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_TOWN,
        Status.PUBLISHED,
        "Zurück nach Eilenburg: Pendelnde aus Leipzig für Arbeit vor Ort gewinnen",
        "Jeden Morgen fahren über 4.000 Eilenburgerinnen und Eilenburger zur Arbeit nach "
        "Leipzig, während unsere Betriebe Stellen nicht besetzen können. Viele von ihnen haben "
        "hier Haus und Familie, wissen aber nicht, welche Arbeitgeber es vor Ort gibt. Wir "
        "wissen nicht, was Pendelnde zum Wechsel bewegen würde: das Gehalt, die gesparte "
        "Fahrzeit oder flexible Arbeitszeiten. Das möchten wir herausfinden, bevor wir Geld in "
        "eine Kampagne stecken.",
        "Die Zahlen stammen aus der Pendlerstatistik der Bundesagentur für Arbeit. Der "
        "Gewerbeverein hat angeboten, Betriebe für Interviews zu gewinnen.",
        "Eine Befragung von Pendelnden, Interviews mit fünf bis zehn Betrieben und Empfehlungen "
        "für eine Kampagne, die Pendelnde zurückgewinnt.",
        ("fachkraefte-demografie", "ansiedlung-wirtschaft"),
        45,
        240,
        offers=(Offer.DATA, Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Kontakte zum Gewerbeverein und Räume im Rathaus für Interviews.",
        team_size=4,
        formats=("forschungsprojekt", "praxisprojekt"),
        revision_request="Vielen Dank für die Einreichung! Bitte ergänzen Sie noch, was am Ende "
        "vorliegen soll: eine Befragung, eine Kampagne oder beides? Davon hängt ab, welches "
        "Format und welches Institut wir ansprechen.",
        comments=(
            (
                COORDINATOR,
                "Danke für die Ergänzung – so passt die Herausforderung gut zur "
                "Begleitforschung. Dr. Winkler vom Institut für Soziologie hat Interesse "
                "signalisiert.",
                True,
            ),
        ),
    ),
    ChallengeSpec(
        TOWN_ZEITZ,
        "buero-ob@zeitz.example",
        Status.PUBLISHED,
        "Bürgerservice digital: Welche Behördengänge zuerst online?",
        "Das Onlinezugangsgesetz verlangt, dass Bürgerinnen und Bürger Verwaltungsleistungen "
        "digital erledigen können. In Zeitz nutzen aber kaum Menschen die vorhandenen "
        "Online-Formulare, und im Bürgerbüro sind die Wartezeiten lang. Wir wissen nicht, ob "
        "die Angebote unbekannt, zu kompliziert oder schlicht die falschen sind. Bevor wir "
        "weitere Dienste einführen, wollen wir verstehen, was die Menschen brauchen – auch die "
        "Älteren ohne Smartphone.",
        "Zeitz nutzt das Serviceportal des Landes Sachsen-Anhalt. Das Bürgerbüro bearbeitet "
        "im Monat rund 2.500 Anliegen.",
        "Eine Rangliste der Leistungen, die zuerst digital werden sollten, erprobte "
        "Verbesserungen für zwei Formulare und Vorschläge für Hilfe vor Ort für Menschen ohne "
        "Internet.",
        ("digitale-verwaltung",),
        30,
        180,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        format_wish="design-thinking",
        citizens=True,
        team_size=5,
        formats=("design-thinking", "buergerdialog"),
        followers=(_JONAS,),
    ),
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_PLANNING,
        Status.PUBLISHED,
        "Sicher mit dem Rad zur S-Bahn",
        "Vom Bahnhof Eilenburg ist man mit der S-Bahn in einer halben Stunde in Leipzig, aber "
        "aus den Ortsteilen und aus Eilenburg-Ost kommt man mit dem Rad kaum sicher dorthin. An "
        "der Dübener Landstraße fehlt ein Radweg, und die Abstellanlage am Bahnhof ist morgens "
        "voll. Eltern erzählen uns, dass sie ihre Kinder lieber mit dem Auto zum Zug bringen. "
        "Wir möchten wissen, welche Lücken im Netz wir zuerst schließen sollten.",
        "Die Stadt erarbeitet ein Radverkehrskonzept und kann Fördermittel des Freistaats "
        "beantragen, braucht dafür aber eine begründete Prioritätenliste.",
        "Eine Karte der Routen zum Bahnhof mit Mängeln und Prioritäten, Zählungen an der "
        "Abstellanlage und Vorschläge, die in den Förderantrag eingehen können.",
        ("mobilitaet",),
        60,
        220,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Verkehrszählungen, Unfalldaten der Polizei und Luftbilder stellen wir bereit.",
        format_wish="praxisprojekt",
        definition=Definition.CLEAR,
        citizens=True,
        team_size=4,
        formats=("praxisprojekt", "reallabor"),
        followers=(_LENA,),
    ),
    ChallengeSpec(
        "Zeitzer Werkstätten GmbH",
        "inhaberin@zeitzer-werkstaetten.example",
        Status.PUBLISHED,
        "Produktionsplanung mit den eigenen Daten",
        "Wir planen Aufträge, Maschinenzeiten am CNC-Bearbeitungszentrum und Liefertermine mit "
        "einer Magnettafel und einer Excel-Liste. Bei Eilaufträgen verschieben sich andere "
        "Termine, und wir merken es oft erst, wenn der Kunde anruft. Aus Maschinensteuerung und "
        "Auftragsverwaltung haben wir Daten aus fünf Jahren, die niemand auswertet. Wir möchten "
        "wissen, ob sich daraus eine verlässlichere Planung ableiten lässt.",
        "Die Daten enthalten Kundennamen, Preise und Kalkulationen und verlassen das Haus nur "
        "anonymisiert.",
        "Eine Auswertung der Durchlaufzeiten und ein einfacher Planungsvorschlag, den unser "
        "Werkstattleiter im Alltag nutzen kann.",
        ("ansiedlung-wirtschaft",),
        30,
        210,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Ein Arbeitsplatz in der Werkstatt und die Daten nach Unterzeichnung einer "
        "Vertraulichkeitsvereinbarung.",
        contact="werkstatt@zeitzer-werkstaetten.example",
        confidentiality=CONFIDENTIAL,
        public_summary="Eine Tischlerei in Zeitz möchte mit Daten aus Auftragsverwaltung und "
        "CNC-Steuerung ihre Produktionsplanung verbessern. Geeignet für eine Abschlussarbeit "
        "in Informatik oder Wirtschaftswissenschaften; die Daten sind vertraulich.",
        nda=True,
        format_wish="abschlussarbeit",
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=1,
        formats=("abschlussarbeit", "praktikum"),
        comments=(
            (
                COORDINATOR,
                "Die Vertraulichkeitsvereinbarung ist abgestimmt. Interessierte erhalten den "
                "vollen Text nach Unterzeichnung über die Transferstelle.",
                True,
            ),
        ),
        followers=(_JONAS,),
    ),
    ChallengeSpec(
        "Tourismusverein Muldenland e.V.",
        "vorstand@muldenland-tourismus.example",
        Status.PUBLISHED,
        "Mulde erleben: Tagesausflüge für Familien aus Leipzig",
        "Zwischen Eilenburg und Bad Düben gibt es Auenwälder, Kanutouren, Museen und den "
        "Mulderadweg, aber kaum eine Familie aus Leipzig kennt das. Unsere Radkarte erreicht "
        "vor allem Menschen, die ohnehin schon hier sind. Wir möchten Ausflüge entwickeln, die "
        "mit S-Bahn und Rad ohne Auto funktionieren und für Kinder spannend sind. Dafür fehlt "
        "uns der Blick von außen.",
        "Im Verein sind 40 Gastgeber, Radverleihe und Museen zwischen Eilenburg und Bad Düben "
        "organisiert. Die Gästeinformation am Markt ist ehrenamtlich besetzt.",
        "Drei erprobte Tagestouren mit Anreise per S-Bahn, Texte und Bilder für Website und "
        "Social Media und eine kleine Befragung der Familien, die sie getestet haben.",
        ("kultur-tourismus", "mobilitaet"),
        120,
        300,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        municipality=BAD_DUEBEN,
        citizens=True,
        depth=Depth.LOW,
        team_size=5,
        formats=("design-thinking", "exkursion"),
    ),
    ChallengeSpec(
        "Backstube Domgasse Zeitz",
        "backstube@domgasse-zeitz.example",
        Status.PUBLISHED,
        "Radgäste in die Altstadt: ein Café am Elster-Radweg, das keiner findet",
        "Unser Café liegt 400 Meter vom Elster-Radweg entfernt, aber die Radfahrenden fahren "
        "unten an der Elster vorbei, ohne die Altstadt zu sehen. Ein Schild am Radweg wurde "
        "uns nicht genehmigt. Wir glauben, dass mit anderen Händlern zusammen mehr möglich "
        "wäre: eine gemeinsame Route, ein Stempelheft, Fahrradbügel vor dem Dom. Allein fehlt "
        "uns dafür die Zeit.",
        "Die Backstube ist Mitglied im Tourismusverein Zeitzer Land und im Gewerbe- und "
        "Handelsverein. Die Befragung der Radgäste aus dem letzten Jahr liegt vor.",
        "Ein Konzept mit anderen Händlern der Altstadt, wie Radgäste vom Radweg in die Altstadt "
        "finden, und ein erster Test an einem Sommerwochenende.",
        ("kultur-tourismus", "innenstadt-leerstand"),
        150,
        280,
        offers=(Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Unser Café steht für Treffen zur Verfügung, Kaffee und Kuchen inklusive.",
        depth=Depth.LOW,
        team_size=3,
        formats=("praxisprojekt", "sprechstunde"),
    ),
    ChallengeSpec(
        TRADE_EILENBURG,
        "geschaeftsfuehrung@muldental-metallbau.example",
        Status.PUBLISHED,
        "Vom Klassenzimmer in die Werkstatt: den Übergang von der Schule in den Beruf stärken",
        "Jedes Frühjahr organisieren wir einen Ausbildungsmarkt, aber die Jugendlichen kommen "
        "mit ihren Eltern, laufen einmal durch die Halle und gehen wieder. Die Betriebe wünschen "
        "sich echte Begegnungen: Schnuppertage, Werkstattbesuche, Gespräche mit "
        "Auszubildenden. Die Oberschulen sind offen dafür, aber der Stundenplan lässt wenig "
        "Raum. Wir suchen ein Format, das für Schulen, Jugendliche und Betriebe gleichermaßen "
        "funktioniert.",
        "Im Gewerbeverein sind rund 80 Betriebe organisiert; die beiden Oberschulen und das "
        "Berufliche Schulzentrum Eilenburg machen mit.",
        "Ein mit Jugendlichen, Lehrkräften und Betrieben entwickeltes Konzept für den nächsten "
        "Ausbildungsmarkt und ein erster Schnuppertag im Herbst.",
        ("bildung", "fachkraefte-demografie"),
        60,
        200,
        offers=(Offer.ROOMS, Offer.WEEKLY_CONTACT),
        contact=_EB_TOWN,
        format_wish="zukunftswerkstatt",
        definition=Definition.OPEN,
        citizens=True,
        depth=Depth.LOW,
        team_size=6,
        formats=("zukunftswerkstatt", "praxisprojekt"),
        coordinator=COORDINATOR_PROJECTS,
    ),
    ChallengeSpec(
        TOWN_ZEITZ,
        _ZZ_PLANNING,
        Status.PUBLISHED,
        "Gut versorgt im Dorf: Pflege und Nachbarschaftshilfe in den Ortsteilen",
        "In Zeitzer Ortsteilen wie Kayna, Luckenau oder Theißen ist fast jede dritte Person "
        "älter als 70. Der Pflegedienst fährt weite Wege, die Hausarztpraxis in Kayna sucht "
        "eine Nachfolge, und am Wochenende fährt kaum ein Bus. Viele Ältere möchten im Dorf "
        "bleiben, brauchen aber Hilfe beim Einkaufen, beim Arztbesuch oder im Garten. Wir "
        "wissen zu wenig darüber, welche Nachbarschaftshilfe heute schon funktioniert und was "
        "fehlt.",
        "Zeitz besteht nach mehreren Eingemeindungen aus über 30 Ortsteilen. Ortschaftsräte "
        "und Kirchgemeinden sind zur Mitarbeit bereit.",
        "Eine Bestandsaufnahme der Versorgung in drei Ortsteilen, Gespräche mit Älteren und "
        "Angehörigen und Vorschläge, welche Angebote die Stadt unterstützen sollte.",
        ("gesundheit-pflege", "fachkraefte-demografie"),
        90,
        300,
        offers=(Offer.DATA, Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Räume in den Dorfgemeinschaftshäusern und Kontakte zu den Ortschaftsräten.",
        contact="buero-ob@zeitz.example",
        definition=Definition.OPEN,
        citizens=True,
        team_size=4,
        formats=("forschungsprojekt", "buergerdialog"),
    ),
    # --- accepted
    ChallengeSpec(
        "Kanuverein Weiße Elster Zeitz e.V.",
        "vorstand@kanu-zeitz.example",
        Status.ACCEPTED,
        "Das Bootshaus an der Elster als Treffpunkt für Sport und Gäste",
        "Unser Bootshaus aus den 1930er-Jahren ist undicht, schlecht gedämmt und nicht "
        "barrierefrei. Wir möchten es sanieren und dabei öffnen: für Schulklassen, Paddelgäste "
        "vom Elster-Radweg und Veranstaltungen. Für einen Förderantrag brauchen wir ein "
        "Nutzungskonzept und eine grobe Kostenschätzung, die wir als Ehrenamtliche nicht "
        "allein erstellen können.",
        "Der Verein hat 120 Mitglieder, davon 45 Kinder und Jugendliche. Das Grundstück gehört "
        "der Stadt, die einen Förderantrag unterstützen würde.",
        "Ein Nutzungskonzept mit Raumprogramm, eine Kostenschätzung für die Sanierung und "
        "Hinweise auf passende Förderprogramme.",
        ("kultur-tourismus", "energie-klima"),
        90,
        270,
        offers=(Offer.SITE_ACCESS, Offer.ROOMS),
        offers_note="Das Bootshaus steht für Aufmaß und Workshops offen; ein Teamtag im Boot "
        "auf der Elster gehört dazu.",
        team_size=3,
        formats=("praxisprojekt", "abschlussarbeit"),
    ),
    ChallengeSpec(
        "Nordsachsen Logistik GmbH",
        "geschaeftsfuehrung@nordsachsen-logistik.example",
        Status.ACCEPTED,
        "E-Lkw im Verteilerverkehr: Rechnet sich das für uns?",
        "Wir fahren täglich 22 Touren zwischen Leipzig, Eilenburg und Torgau, alle mit Diesel. "
        "Kunden fragen zunehmend nach CO₂-armen Transporten, und die Maut für Diesel-Lkw "
        "steigt. Ob sich E-Lkw für unsere Touren rechnen, hängt von Reichweite, Ladezeiten am "
        "Depot und Strompreisen ab. Wir möchten das mit unseren echten Tourdaten durchrechnen "
        "lassen, bevor wir investieren.",
        "Die Tourdaten enthalten Kunden, Lieferadressen und Konditionen und sind vertraulich.",
        "Eine Wirtschaftlichkeitsrechnung für drei Szenarien und eine Empfehlung, welche Touren "
        "zuerst elektrisch gefahren werden können.",
        ("energie-klima", "mobilitaet"),
        60,
        240,
        offers=(Offer.DATA, Offer.BUDGET, Offer.WEEKLY_CONTACT),
        offers_note="Für die Abschlussarbeit ist eine Aufwandsentschädigung von 1.500 Euro "
        "möglich.",
        confidentiality=CONFIDENTIAL,
        public_summary="Eine Spedition in Eilenburg möchte wissen, ob und auf welchen Touren "
        "sich Elektro-Lkw rechnen. Grundlage sind vertrauliche Tourdaten; geeignet für eine "
        "Abschlussarbeit in Wirtschaftswissenschaften oder Geographie.",
        nda=True,
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=1,
        formats=("abschlussarbeit",),
        coordinator=COORDINATOR_PROJECTS,
    ),
    # --- in review
    ChallengeSpec(
        "Wohnungsgenossenschaft Muldeaue eG",
        "vorstand@wg-muldeaue.example",
        Status.IN_REVIEW,
        "Probewohnen für Rückkehrende: Wie erreichen wir Familien in Leipzig?",
        "Seit einem Jahr bieten wir möblierte Gästewohnungen zum Probewohnen an: vier Wochen "
        "Eilenburg zum kleinen Preis. Gebucht haben bisher vor allem Menschen, die ohnehin "
        "umziehen wollten. Familien aus Leipzig, die über einen Wegzug aus der Großstadt "
        "nachdenken, erreichen wir nicht. Wir wissen nicht, ob es an der Ansprache, am Angebot "
        "oder an fehlenden Jobs für beide Partner liegt.",
        "Drei unserer rund 1.200 Wohnungen sind als Gästewohnungen eingerichtet. Die "
        "Buchungsdaten enthalten persönliche Angaben.",
        "Interviews mit Probewohnenden und mit Familien in Leipzig, eine überarbeitete "
        "Ansprache und Ideen, wie Stadt und Betriebe das Angebot ergänzen können.",
        ("fachkraefte-demografie",),
        90,
        270,
        offers=(Offer.ROOMS, Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Projektteams übernachten während der Feldphase kostenlos in einer "
        "Gästewohnung.",
        contact="vermietung@wg-muldeaue.example",
        confidentiality=SUMMARY,
        public_summary="Eine Eilenburger Wohnungsgenossenschaft möchte ihr Probewohnen für "
        "Familien aus Leipzig attraktiver machen und sucht dafür Interviews und Ideen für die "
        "Ansprache.",
        citizens=True,
        team_size=3,
        comments=(
            (
                COORDINATOR,
                "Intern: Passt zur Begleitforschung (Dr. Winkler) und zur Herausforderung der "
                "Wirtschaftsförderung zu Pendelnden. Vor der Annahme beide zusammenbringen, "
                "damit niemand doppelt befragt wird.",
                False,
            ),
        ),
    ),
    ChallengeSpec(
        "Elstertal Solartechnik GmbH",
        "projekte@elstertal-solar.example",
        Status.IN_REVIEW,
        "Solarpotenzial der Gewerbedächer in Zeitz-Ost",
        "Im Gewerbegebiet Zeitz-Ost gibt es große Hallendächer, auf denen noch keine einzige "
        "Solaranlage steht. Viele Betriebe wissen nicht, ob ihr Dach trägt, was eine Anlage "
        "kostet und ob sie den Strom selbst verbrauchen könnten. Das Solarkataster des Landes "
        "ist für Gewerbedächer zu grob. Wir möchten eine belastbare Übersicht, mit der wir und "
        "die Stadt gezielt auf Betriebe zugehen können.",
        "Wir planen Anlagen mit Luftbildern und GIS. Die Lastgänge der einzelnen Betriebe sind "
        "Geschäftsgeheimnisse.",
        "Eine GIS-Analyse aller Hallendächer mit Ertragsabschätzung und für fünf "
        "Beispielbetriebe eine Rechnung zum Eigenverbrauch.",
        ("energie-klima", "ansiedlung-wirtschaft"),
        45,
        200,
        offers=(Offer.DATA, Offer.SITE_ACCESS),
        confidentiality=SUMMARY,
        public_summary="Ein Solarbetrieb aus Zeitz möchte das Photovoltaik-Potenzial der "
        "Hallendächer im Gewerbegebiet Zeitz-Ost mit GIS erfassen und Betrieben konkrete "
        "Zahlen an die Hand geben.",
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=2,
        comments=(
            (
                COORDINATOR,
                "Wir klären, ob die Stadt die Dachdaten aus der Befliegung 2024 bereitstellt. "
                "Dürften Studierende die Ergebnisse Ihrer Beispielbetriebe anonymisiert in "
                "einer Abschlussarbeit veröffentlichen?",
                True,
            ),
            (
                "projekte@elstertal-solar.example",
                "Ja, anonymisiert ist das kein Problem. Die Betriebe fragen wir vorher.",
                True,
            ),
        ),
    ),
    # --- submitted
    ChallengeSpec(
        "SV Muldeaue Eilenburg e.V.",
        "jugend@sv-muldeaue.example",
        Status.SUBMITTED,
        "Übungsleitende gesucht: Ehrenamt im Sportverein attraktiver machen",
        "Wir haben Wartelisten für Kinderturnen und Kanu, aber nicht genug Übungsleiterinnen "
        "und Übungsleiter. Die Ehrenamtlichen, die wir haben, sind meist über 50 und machen das "
        "seit Jahrzehnten. Junge Erwachsene ziehen zum Studium oder zur Ausbildung weg, und wer "
        "bleibt, hat mit Beruf und Familie wenig Zeit. Wir möchten herausfinden, welche Form "
        "von Engagement heute noch passt.",
        "Der Verein hat 450 Mitglieder und zwölf Übungsleitende mit Lizenz. Die Ausbildung zur "
        "Lizenz dauert mehrere Wochenenden.",
        "Eine Befragung von Mitgliedern und Eltern und Ideen für kürzere, flexiblere Formen "
        "des Engagements, die wir eine Saison lang ausprobieren.",
        ("bildung", "fachkraefte-demografie"),
        120,
        300,
        offers=(Offer.ROOMS, Offer.WEEKLY_CONTACT),
        citizens=True,
        depth=Depth.LOW,
        team_size=3,
    ),
    ChallengeSpec(
        "Zeitzer Heimatverein e.V.",
        "archiv@zeitzer-heimatverein.example",
        Status.SUBMITTED,
        "Die unterirdischen Gänge digital erlebbar machen",
        "Unter der Zeitzer Altstadt liegt ein Labyrinth aus mittelalterlichen Gängen, das wir "
        "bei Führungen zeigen. Die Gänge sind eng, feucht und nicht barrierefrei, und im "
        "Winter bleiben sie wegen der Fledermäuse geschlossen. Viele Gäste werden sie deshalb "
        "nie sehen. Aus Fotos, Plänen und Geschichten aus hundert Jahren möchten wir ein "
        "digitales Erlebnis machen, das auch an der Oberfläche funktioniert.",
        "Der Heimatverein führt jedes Jahr rund 3.000 Gäste durch die Gänge. Das Archiv ist in "
        "Teilen digitalisiert.",
        "Ein Prototyp, etwa eine 360-Grad-Tour oder eine Audioführung mit Karte, den wir am Tag "
        "des offenen Denkmals zeigen können.",
        ("kultur-tourismus",),
        90,
        280,
        offers=(Offer.DATA, Offer.SITE_ACCESS),
        offers_note="Fotos, Pläne und Zeitzeugenberichte aus dem Vereinsarchiv; eine Begehung "
        "mit Führung nach Absprache.",
        format_wish="hackathon",
        team_size=5,
    ),
    ChallengeSpec(
        TOWN_EILENBURG,
        "buero-ob@eilenburg.example",
        Status.SUBMITTED,
        "Mitreden, auch ohne Bürgerversammlung",
        "Zu unseren Bürgerversammlungen kommen meist dieselben zwanzig Menschen, fast alle "
        "über 60. Familien, Jugendliche und Menschen im Schichtdienst hören wir kaum, obwohl es "
        "um ihre Spielplätze, Schulwege und ihre Innenstadt geht. Eine Online-Umfrage auf der "
        "Website brachte 2024 nur 80 Antworten. Wir suchen Formen der Beteiligung, die zu den "
        "Menschen gehen statt umgekehrt.",
        "Im nächsten Jahr wird das Stadtentwicklungskonzept fortgeschrieben; die Beteiligung "
        "der Öffentlichkeit ist dabei vorgeschrieben.",
        "Zwei bis drei erprobte Beteiligungsformate, etwa am Schultor, im Supermarkt oder per "
        "Messenger, und eine Auswertung, wen sie erreicht haben.",
        ("digitale-verwaltung", "innenstadt-leerstand"),
        60,
        240,
        offers=(Offer.ROOMS, Offer.BUDGET, Offer.WEEKLY_CONTACT),
        offers_note="Für Material und Aufwandsentschädigungen stehen 2.000 Euro bereit.",
        format_wish="buergerdialog",
        citizens=True,
        team_size=4,
    ),
    # --- changes requested
    ChallengeSpec(
        TRADE_ZEITZ,
        "team@elster-it.example",
        Status.CHANGES_REQUESTED,
        "Ein Altstadt-Gutschein für Zeitz",
        "Immer mehr Geld aus Zeitz fließt in den Online-Handel und in die Einkaufszentren an "
        "der Autobahn. Ein gemeinsamer Gutschein für alle Geschäfte, Cafés und "
        "Handwerksbetriebe der Altstadt könnte die Kaufkraft in der Stadt halten. Andere Städte "
        "haben so etwas, aber wir wissen nicht, welches System zu uns passt und wer es "
        "betreiben soll.",
        "Der Verein vertritt rund 60 Betriebe. Ein Gutschein auf Papier wurde 2018 eingeführt "
        "und nach zwei Jahren wieder eingestellt.",
        "Eine Empfehlung für ein Gutscheinsystem.",
        ("innenstadt-leerstand", "ansiedlung-wirtschaft"),
        60,
        150,
        offers=(Offer.WEEKLY_CONTACT,),
        definition=Definition.CLEAR,
        depth=Depth.LOW,
        team_size=2,
        note="Danke für die Idee! Bevor wir die Herausforderung annehmen, bitten wir um zwei "
        "Ergänzungen: Warum wurde der Papiergutschein 2018 eingestellt, und was soll diesmal "
        "anders sein? Und was müsste eine gute Empfehlung enthalten – einen Vergleich von "
        "Anbietern, ein Betreibermodell oder eine Befragung der Händler?",
    ),
    ChallengeSpec(
        "Muldeufer Kulturverein e.V.",
        "vorstand@muldeufer-kultur.example",
        Status.CHANGES_REQUESTED,
        "Sommerkino am Muldeufer: Wie erreichen wir junges Publikum?",
        "Unser Sommerkino zieht jeden August 200 bis 300 Gäste an, aber kaum jemand ist unter "
        "30. Jugendliche fahren für Kino und Konzerte nach Leipzig. Wir möchten wissen, was "
        "das Sommerkino für junge Leute interessant machen würde: andere Filme, Musik, Essen "
        "oder selbst mitmachen?",
        "Das Sommerkino wird ehrenamtlich organisiert und finanziert sich über Eintritt und "
        "Getränke.",
        "Mehr junge Gäste.",
        ("kultur-tourismus",),
        20,
        60,
        format_wish="design-thinking",
        definition=Definition.OPEN,
        citizens=True,
        depth=Depth.LOW,
        team_size=4,
        note="Vielen Dank! Der Zeitraum ist für ein Projekt im Semester sehr knapp: Zwischen "
        "Start und Ergebnis liegen sechs Wochen über den Jahreswechsel, und das Sommersemester "
        "beginnt erst im April. Könnten Sie das Ergebnis auf die Saison im August ausrichten "
        "und beschreiben, was Sie erwarten: einen Programmvorschlag, eine Befragung oder eine "
        "Kampagne?",
    ),
    # --- rejected
    ChallengeSpec(
        "Tischlerei Hartmann & Söhne",
        "kontakt@tischlerei-hartmann.example",
        Status.REJECTED,
        "Nachfolge für die Tischlerei gesucht",
        "Ich bin 63 und möchte meine Tischlerei in drei bis vier Jahren übergeben. Meine Söhne "
        "haben andere Berufe gewählt. Ich suche jemanden mit Meisterbrief, der den Betrieb mit "
        "seinen drei Gesellen weiterführt. Vielleicht gibt es unter den Studierenden jemanden, "
        "der Interesse hat oder jemanden kennt.",
        "Der Betrieb besteht seit 1994 und hat feste Kundschaft in Eilenburg und Umgebung.",
        "Eine Nachfolgerin oder ein Nachfolger.",
        ("fachkraefte-demografie", "ansiedlung-wirtschaft"),
        30,
        720,
        offers=(Offer.SITE_ACCESS,),
        confidentiality=SUMMARY,
        public_summary="Ein Eilenburger Tischlereibetrieb sucht eine Nachfolge.",
        definition=Definition.CLEAR,
        depth=Depth.LOW,
        team_size=1,
        note="Vielen Dank für Ihr Vertrauen. Eine Nachfolge können wir über das Programm nicht "
        "vermitteln: Studierende bearbeiten Aufgaben, und eine Übernahme braucht einen "
        "Meisterbrief. Wir empfehlen die Nachfolgebörse der Handwerkskammer und ein Gespräch "
        "mit der Wirtschaftsförderung. Gern prüfen wir eine neue Herausforderung, etwa eine "
        "Abschlussarbeit zur Bewertung und Übergabe Ihres Betriebs.",
    ),
    ChallengeSpec(
        "Elster-IT Service GmbH",
        "team@elster-it.example",
        Status.REJECTED,
        "Studierende für laufende Kundenprojekte",
        "Wir haben mehr Aufträge, als wir bearbeiten können: Websites, Netzwerke, Umstellungen "
        "auf Cloud-Telefonie. Fachinformatiker finden wir in Zeitz kaum. Wir würden gern zwei "
        "oder drei Informatikstudierende einsetzen, die bei unseren Kunden mitarbeiten. Die "
        "Bezahlung klären wir gern im Gespräch.",
        "Elster-IT betreut rund 150 Kunden im Burgenlandkreis.",
        "Zwei bis drei Studierende, die ab sofort mitarbeiten.",
        ("fachkraefte-demografie", "ansiedlung-wirtschaft"),
        7,
        120,
        offers=(Offer.BUDGET,),
        definition=Definition.CLEAR,
        team_size=3,
        note="Vielen Dank für die Anfrage. Das Programm vermittelt keine Arbeitskräfte für "
        "laufende Kundenaufträge; dafür eignet sich eine Stellenanzeige für Werkstudierende. "
        "Wenn Sie eine Frage haben, die Studierende in einem Projekt bearbeiten können – etwa "
        "zur IT-Sicherheit Ihrer Kunden aus dem Handwerk –, reichen Sie sie gern neu ein.",
    ),
    # --- withdrawn
    ChallengeSpec(
        STARTUP,
        "gruenderin@startup-eilenburg.example",
        Status.WITHDRAWN,
        "Lagerfläche für gebrauchte Baustoffe",
        "Wir retten Türen, Dielen, Ziegel und Fenster aus Abrissgebäuden, aber unser Lager in "
        "einer Garage ist voll. Für eine größere Halle fehlt uns als junges Unternehmen das "
        "Geld. Wir fragen uns, ob es in Eilenburg leerstehende Flächen gibt, die wir gemeinsam "
        "mit anderen nutzen könnten, und wie ein solches Modell aussehen könnte.",
        "Kreislaufwerk ist aus einem Praxisprojekt der Universität entstanden und hat zwei "
        "Beschäftigte.",
        "Eine Übersicht geeigneter Flächen und ein Vorschlag für ein gemeinsames Lager mit "
        "anderen Betrieben.",
        ("ansiedlung-wirtschaft", "innenstadt-leerstand"),
        30,
        150,
        offers=(Offer.WEEKLY_CONTACT,),
        depth=Depth.LOW,
        team_size=2,
        withdrawn_from=Status.SUBMITTED,
        note="Hat sich erledigt: Die Wirtschaftsförderung hat uns eine Halle am Güterbahnhof "
        "vermittelt. Vielen Dank!",
    ),
    ChallengeSpec(
        TOWN_ZEITZ,
        "wirtschaft@zeitz.example",
        Status.WITHDRAWN,
        "Flächenexposés für die Industriebrachen an der Weißen Elster",
        "Auf den früheren Industrieflächen an der Weißen Elster liegen über 40 Hektar brach. "
        "Ansiedlungsinteressierte fragen nach Erschließung, Altlasten und Netzanschluss, und "
        "wir brauchen Wochen, um die Angaben aus verschiedenen Ämtern zusammenzutragen. Für "
        "zwei laufende Anfragen brauchen wir schnell aussagekräftige Exposés. Die Namen der "
        "Interessenten und die Altlastengutachten sind vertraulich.",
        "Die Flächen werden mit Mitteln für den Strukturwandel im Mitteldeutschen Revier "
        "entwickelt.",
        "Eine Vorlage für Flächenexposés und ausgefüllte Exposés für zwei Flächen.",
        ("ansiedlung-wirtschaft",),
        14,
        100,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        confidentiality=CONFIDENTIAL,
        public_summary="Die Stadt Zeitz möchte Industriebrachen an der Weißen Elster für "
        "Ansiedlungen aufbereiten und sucht Unterstützung für aussagekräftige Flächenexposés.",
        nda=True,
        definition=Definition.CLEAR,
        team_size=2,
        formats=("praxisprojekt",),
        withdrawn_from=Status.PUBLISHED,
        note="Der Stadtrat hat beschlossen, die Exposés von einem Planungsbüro erstellen zu "
        "lassen, weil die Anfragen der Investoren nicht bis zum Semester warten können.",
    ),
    # --- drafts
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_TOWN,
        Status.DRAFT,
        "Coworking im ehemaligen Kaufhaus?",
        "Das ehemalige Kaufhaus am Marktplatz steht seit Jahren leer. Wir überlegen, ob sich "
        "dort Coworking für Pendelnde, Gründerinnen und Selbstständige einrichten ließe. Noch "
        "wissen wir nicht, ob es dafür genug Nachfrage gibt.",
        "",
        "",
        ("innenstadt-leerstand", "ansiedlung-wirtschaft"),
        None,
        None,
        definition=Definition.OPEN,
    ),
    ChallengeSpec(
        "Zeitzer Werkstätten GmbH",
        "werkstatt@zeitzer-werkstaetten.example",
        Status.DRAFT,
        "Einzelstücke online verkaufen",
        "Aus Reststücken bauen wir Hocker, Schneidebretter und kleine Regale, die sich im Laden "
        "gut verkaufen. Wir möchten sie auch online anbieten, haben aber keine Erfahrung mit "
        "Produktfotos, Versand und Shopsystemen. Der Aufwand muss neben der Werkstatt "
        "überschaubar bleiben.",
        "",
        "Ein einfacher Online-Shop mit Produktfotos und eine Schätzung, ob sich der Aufwand lohnt.",
        ("ansiedlung-wirtschaft",),
        90,
        240,
        offers=(Offer.SITE_ACCESS,),
        format_wish="praktikum",
        definition=Definition.CLEAR,
        depth=Depth.LOW,
        team_size=2,
    ),
    ChallengeSpec(
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        "quartier@wg-moritzburgblick.example",
        Status.DRAFT,
        "Gemeinschaftsräume im Quartier: Wer braucht was?",
        "Im Erdgeschoss unserer Häuser in der Geraer Straße stehen drei Ladenwohnungen leer. "
        "Wir könnten sie als Nachbarschaftscafé, Werkstatt oder Raum für Pflegeberatung "
        "nutzen. Welche Nutzung unseren Mitgliedern wirklich fehlt, haben wir noch nicht "
        "gefragt.",
        "",
        "",
        ("innenstadt-leerstand", "gesundheit-pflege"),
        None,
        None,
        confidentiality=SUMMARY,
        public_summary="Eine Zeitzer Wohnungsgenossenschaft möchte leere Räume im Erdgeschoss "
        "für die Nachbarschaft öffnen.",
        definition=Definition.OPEN,
        citizens=True,
        depth=Depth.LOW,
    ),
)
