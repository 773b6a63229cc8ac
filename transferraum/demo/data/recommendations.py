"""The demo's recommendations: what the teams of the finished round and the accompanying research
hand to Eilenburg, Zeitz and the partners, and the story of each, step by step and dated.

Every status of the workflow occurs at least once (`RECOMMENDATIONS`, each with the status its
story ends in); two are confidential. The council links point at `.example` hosts in the styles
of the towns' council information systems (SessionNet-like for Eilenburg, ALLRIS for Zeitz):
demo links that lead nowhere. `transferraum.demo.recommendations` plays the stories through the
recommendation services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from transferraum.demo.data.organisations import (
    EILENBURG,
    TOWN_EILENBURG,
    TOWN_ZEITZ,
    TRADE_ZEITZ,
)
from transferraum.demo.data.people import COORDINATOR
from transferraum.recommendations.models import Recommendation

BERLIN = ZoneInfo("Europe/Berlin")
S = Recommendation.Status
A = Recommendation.Addressee
E = Recommendation.Effort
D = dt.date

# The finished round's projects (titles of FINISHED_PROJECTS).
VACANCY = "Leerstandskataster für die Eilenburger Innenstadt"
BAKERY = "Online vorbestellen, in der Filiale abholen"
YOUTH = "Was hält junge Menschen in Zeitz? Eine Jugendbefragung"
ARCHIVE = "Das Fotoarchiv des Zeitzer Heimatvereins erschließen"
HEAT = "Hitzeinseln in der Eilenburger Innenstadt"
SECURITY = "IT-Sicherheits-Check für Handwerksbetriebe in Zeitz"

BAKERY_ORG = "Bäckerei Sommerfeld"
ARCHIVE_ORG = "Zeitzer Heimatverein e.V."
SECURITY_ORG = "Elster-IT Service GmbH"

# The people who take the partners' and the research's steps.
HOFFMANN = "stadtplanung@eilenburg.example"  # Stadtplanung Eilenburg
BERGER = "wirtschaft@eilenburg.example"  # Wirtschaftsförderung Eilenburg
LORENZ = "buero-ob@eilenburg.example"  # Büro des Oberbürgermeisters Eilenburg
NEUMANN = "stadtplanung@zeitz.example"  # Stadtplanung Zeitz
RICHTER = "buero-ob@zeitz.example"  # Büro des Oberbürgermeisters Zeitz
SOMMERFELD = "inhaberin@baeckerei-sommerfeld.example"
PFEIFFER = "vorstand@zeitzer-heimatverein.example"
KRUEGER = "team@elster-it.example"  # Elster-IT, chairs the Gewerbe- und Handelsverein Zeitz
WINKLER = "begleitforschung@uni-leipzig.example"  # researcher
BRENNER = "lukas.brenner@uni-leipzig.example"  # researcher
VOGEL = COORDINATOR

# Where the bodies of the towns meet (the Eilenburg town council usually on the first Monday of
# the month, Zeitz's on Thursdays, committees on other weekdays).
EILENBURG_COUNCIL = "Stadtrat Eilenburg"
EILENBURG_BUILDING = "Bauausschuss der Stadt Eilenburg"
ZEITZ_COUNCIL = "Stadtrat Zeitz"
ZEITZ_SOCIAL = "Sozialausschuss des Stadtrates Zeitz"


def eilenburg_link(number: int) -> str:
    """A Beschlussvorlage in the style of a SessionNet council information system (demo host)."""
    return f"https://ratsinfo.eilenburg.example/bi/vo0050.php?__kvonr={number}"


def zeitz_link(number: int) -> str:
    """A Vorlage in the style of Zeitz's council information system, ALLRIS (demo host)."""
    return f"https://ratsinfo.zeitz.example/bi/vo020.asp?VOLFDNR={number}"


# --- The table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of a recommendation's story, taken by `by` at `when`.

    `action` is a step of the lifecycle (its service in `services.STEP_SERVICES` is called with
    `note` and `data`), or
    `milestone` (plan one: title, due, progress), `milestone_update` (title, progress) or
    `progress` (set by hand). `by` is `m0`… for the team's members (by e-mail), `sup`/`sup2`
    for the project's supervisors (in the order of the project's table) or an e-mail address.
    """

    when: dt.datetime
    by: str
    action: str
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecommendationSpec:
    """A recommendation and its story. `project` is the title of a project of the finished
    round; without one (research) `municipality` (AGS) says where it belongs."""

    project: str
    author: str  # a person key as in Step.by
    written: dt.datetime
    title: str
    summary: str
    rationale: str
    expected_effect: str
    addressee_kind: str
    addressee_name: str
    addressee_organisation: str
    ends: str  # the status the story ends in
    steps: tuple[Step, ...] = ()
    cost: tuple[int, int] | None = None  # euros
    effort: str = ""
    effort_days: tuple[int, int] | None = None
    responsible: str = ""  # e-mail; named when written (otherwise at the receipt)
    evidence: tuple[str, ...] = ()  # titles of the project's documents
    links: tuple[tuple[str, str], ...] = ()  # (title, url)
    confidential: bool = False
    municipality: str = ""


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A moment of 2026 in Eilenburg's and Zeitz's time."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


def step(when: dt.datetime, by: str, action: str, note: str = "", **data: Any) -> Step:
    return Step(when, by, action, note, data)


def milestone(when: dt.datetime, by: str, title: str, due: dt.date, progress: int = 0) -> Step:
    return Step(when, by, "milestone", data={"title": title, "due": due, "progress": progress})


def milestone_progress(when: dt.datetime, by: str, title: str, progress: int) -> Step:
    return Step(when, by, "milestone_update", data={"title": title, "progress": progress})


REPORT = "Abschlussbericht"
SLIDES = "Abschlusspräsentation"

RECOMMENDATIONS: tuple[RecommendationSpec, ...] = (
    # --- Leerstandskataster (Stadtverwaltung Eilenburg) -----------------------------------------
    RecommendationSpec(
        VACANCY,
        "m0",
        at(7, 13, 10, 15),
        "Das Leerstandskataster zweimal im Jahr fortschreiben",
        "Die Stadtplanung schreibt das Leerstandskataster im Frühjahr und im Herbst mit der "
        "QGIS-Vorlage des Teams fort und veröffentlicht einmal im Jahr eine Karte der leeren "
        "Ladenlokale, ohne Angaben zu Eigentümerinnen und Eigentümern.",
        "Bei der Begehung im Mai und Juni 2026 standen 31 von 214 Erdgeschosslagen leer, zwölf "
        "davon seit mehr als drei Jahren. Die letzte vollständige Erhebung stammte von 2019; "
        "dazwischen wusste niemand in der Verwaltung, welche Läden frei werden. Mit der Vorlage "
        "dauert eine Begehung zwei Arbeitstage, und jede Veränderung ist sofort auf der Karte "
        "zu sehen.",
        "Die Wirtschaftsförderung kann Interessierten freie Läden nennen, bevor sie lange leer "
        "stehen, und die Stadt sieht, ob Zwischennutzungen und Beratung wirken.",
        A.DEPARTMENT,
        "Stadtplanung und Bauverwaltung",
        TOWN_EILENBURG,
        S.IMPLEMENTED,
        cost=(500, 1_500),
        effort=E.SMALL,
        effort_days=(4, 6),
        responsible=HOFFMANN,
        evidence=(REPORT, "Erfassungsbogen Leerstand"),
        steps=(
            step(at(7, 15, 9), "sup", "approve", "Gut begründet, bitte so übergeben."),
            step(at(7, 17, 14), "m1", "hand_over", first_answer_due=D(2026, 8, 31)),
            step(at(7, 20, 8, 30), HOFFMANN, "confirm_receipt"),
            step(at(7, 22, 11), HOFFMANN, "start_review", "Abstimmung mit der Amtsleitung."),
            step(
                at(8, 11, 9),
                HOFFMANN,
                "adopt",
                "Die Amtsleitung übernimmt das Kataster in den Regelbetrieb der Stadtplanung.",
                decided_on=D(2026, 8, 10),
            ),
            step(at(8, 12, 10), HOFFMANN, "start_implementation"),
            milestone(
                at(8, 12, 10, 5),
                HOFFMANN,
                "QGIS-Projekt auf dem Server der Stadt eingerichtet",
                D(2026, 8, 31),
            ),
            milestone(
                at(8, 12, 10, 6),
                HOFFMANN,
                "Erfassungsformular für das Tablet angepasst",
                D(2026, 9, 15),
            ),
            milestone(
                at(8, 12, 10, 7),
                HOFFMANN,
                "Erste Fortschreibung nach der Herbstbegehung",
                D(2026, 10, 30),
            ),
            milestone_progress(
                at(8, 28, 15),
                HOFFMANN,
                "QGIS-Projekt auf dem Server der Stadt eingerichtet",
                100,
            ),
            milestone_progress(
                at(9, 14, 11), HOFFMANN, "Erfassungsformular für das Tablet angepasst", 100
            ),
            milestone_progress(
                at(10, 29, 16), HOFFMANN, "Erste Fortschreibung nach der Herbstbegehung", 100
            ),
            step(
                at(10, 30, 9),
                HOFFMANN,
                "mark_implemented",
                "Die Herbstbegehung ist erfasst: 28 leere Ladenlokale (Juli: 31).",
            ),
        ),
    ),
    RecommendationSpec(
        VACANCY,
        "m2",
        at(7, 14, 10),
        "Ein Pop-up-Laden für Gründerinnen und Gründer am Markt",
        "Die Stadt mietet eines der seit Jahren leeren Ladenlokale am Markt für zwölf Monate an "
        "und vergibt es in Abschnitten von drei Monaten mietfrei an Gründerinnen, Gründer und "
        "junge Händlerinnen und Händler aus der Region.",
        "19 der 31 leeren Ladenlokale liegen in der Torgauer Straße und am Marktplatz. Mehrere "
        "Eigentümer sagten bei der Begehung, sie würden befristet vermieten, wenn jemand das "
        "Risiko trägt. Ein belebtes Schaufenster am Markt wertet auch die Nachbarläden auf, und "
        "Gründende können ihr Geschäft erproben, bevor sie einen Mietvertrag über Jahre "
        "unterschreiben.",
        "Drei bis vier Gründungen im Jahr erproben ihr Geschäft am Markt; mindestens eine mietet "
        "danach ein eigenes Ladenlokal in der Innenstadt.",
        A.COUNCIL,
        EILENBURG_COUNCIL,
        TOWN_EILENBURG,
        S.IN_IMPLEMENTATION,
        cost=(8_000, 12_000),
        effort=E.MEDIUM,
        effort_days=(15, 25),
        evidence=(REPORT, SLIDES),
        steps=(
            step(at(7, 16, 9, 30), "sup", "approve"),
            step(at(7, 17, 11), "m2", "hand_over", first_answer_due=D(2026, 8, 31)),
            step(at(7, 20, 8, 45), BERGER, "confirm_receipt", responsible_person=BERGER),
            step(
                at(7, 21, 10),
                BERGER,
                "start_review",
                "Die Wirtschaftsförderung bereitet eine Beschlussvorlage vor.",
            ),
            step(
                at(8, 24, 10),
                BERGER,
                "put_on_agenda",
                agenda_body=EILENBURG_COUNCIL,
                agenda_date=D(2026, 9, 7),
                agenda_item="TOP 8 (öffentlich), Beschlussvorlage BV/2026/118",
                council_url=eilenburg_link(4118),
            ),
            step(
                at(9, 8, 9),
                BERGER,
                "adopt",
                "Beschlossen mit 17 Ja-Stimmen bei 2 Enthaltungen; 10.000 Euro aus dem "
                "Verfügungsfonds Innenstadt.",
                decided_on=D(2026, 9, 7),
            ),
            step(at(9, 14, 10), BERGER, "start_implementation"),
            milestone(
                at(9, 14, 10, 5),
                BERGER,
                "Mietvertrag für ein Ladenlokal am Markt (zwölf Monate)",
                D(2026, 10, 30),
            ),
            milestone(
                at(9, 14, 10, 6),
                BERGER,
                "Aufruf an Gründerinnen und Gründer und Auswahl",
                D(2026, 12, 18),
            ),
            milestone(at(9, 14, 10, 7), BERGER, "Ladenlokal hergerichtet", D(2027, 2, 12)),
            milestone(at(9, 14, 10, 8), BERGER, "Eröffnung des Pop-up-Ladens", D(2027, 3, 5)),
            milestone_progress(
                at(10, 27, 14),
                BERGER,
                "Mietvertrag für ein Ladenlokal am Markt (zwölf Monate)",
                100,
            ),
            milestone_progress(
                at(11, 16, 11), BERGER, "Aufruf an Gründerinnen und Gründer und Auswahl", 60
            ),
        ),
    ),
    RecommendationSpec(
        VACANCY,
        "m3",
        at(7, 15, 13),
        "Das leerstehende Eckhaus am Markt für die Stadt sichern",
        "Die Stadt prüft, ob sie das seit 2019 leerstehende Eckhaus zwischen Markt und Torgauer "
        "Straße erwirbt oder bei einem Verkauf ihr Vorkaufsrecht nutzt, bevor es weiter "
        "verfällt.",
        "Das Haus ist das auffälligste Leerstandsobjekt der Innenstadt: Schaufenster verklebt, "
        "Fassade schadhaft, Dach undicht. Nach Gesprächen mit Nachbarn ist die "
        "Eigentümergemeinschaft zerstritten und zum Verkauf bereit. Die Angaben zu den "
        "Eigentümern und ihren Preisvorstellungen stammen aus vertraulichen Gesprächen; "
        "deshalb ist die Empfehlung vertraulich.",
        "Ein Schlüsselgrundstück am Markt kommt wieder in Nutzung, und die Stadt kann für das "
        "Erdgeschoss eine Nutzung vorgeben, die den Markt belebt.",
        A.COUNCIL,
        f"{EILENBURG_COUNCIL} (nichtöffentliche Sitzung)",
        TOWN_EILENBURG,
        S.UNDER_REVIEW,
        cost=(180_000, 260_000),
        effort=E.LARGE,
        effort_days=(40, 60),
        evidence=(REPORT,),
        confidential=True,
        steps=(
            step(at(7, 16, 9, 45), "sup", "approve"),
            step(at(7, 17, 11, 15), "m3", "hand_over", first_answer_due=D(2026, 9, 30)),
            step(
                at(7, 21, 9),
                BERGER,
                "confirm_receipt",
                "Liegenschaften und Kämmerei prüfen; Antwort nach dem Wertgutachten.",
                responsible_person=BERGER,
                first_answer_due=D(2026, 12, 18),
            ),
            step(
                at(9, 21, 14),
                BERGER,
                "start_review",
                "Wertgutachten beauftragt; Ergebnis bis Mitte Dezember.",
            ),
        ),
    ),
    # --- Online vorbestellen (Bäckerei Sommerfeld, Eilenburg) -------------------------------------
    RecommendationSpec(
        BAKERY,
        "m0",
        at(7, 10, 11),
        "Die Vorbestellung mit einem regionalen Dienstleister weiterbetreiben",
        "Die Bäckerei gibt den Prototyp an einen regionalen IT-Dienstleister, der Bestellseite "
        "und Tablet-Ansicht gegen eine monatliche Pauschale betreibt, statt das System selbst "
        "zu betreiben und weiterzuentwickeln.",
        "Im sechswöchigen Test gingen 610 Vorbestellungen ein, samstags bis zu 60. Die "
        "Kostenrechnung im Abschlussbericht zeigt, dass ein Eigenbetrieb mit Hosting, Updates "
        "und Vertretung erst ab acht Filialen günstiger wäre als ein Dienstleister.",
        "Weniger Anrufe am Samstagmorgen, weniger Brot, das abends übrig bleibt, und ein "
        "System, das ohne eigene IT-Kenntnisse läuft.",
        A.COMPANY,
        "Bäckerei Sommerfeld, Inhaberin",
        BAKERY_ORG,
        S.EVALUATED,
        cost=(1_800, 2_400),
        effort=E.SMALL,
        effort_days=(3, 5),
        responsible=SOMMERFELD,
        evidence=(REPORT, "Anforderungen und Ablauf der Vorbestellung"),
        steps=(
            step(at(7, 13, 9), "sup", "approve"),
            step(at(7, 14, 16), "m0", "hand_over", first_answer_due=D(2026, 8, 14)),
            step(at(7, 15, 7), SOMMERFELD, "confirm_receipt"),
            step(at(7, 15, 7, 5), SOMMERFELD, "start_review"),
            step(
                at(7, 24, 15),
                SOMMERFELD,
                "adopt",
                "Das Angebot eines Dienstleisters aus Eilenburg ist angenommen.",
                decided_on=D(2026, 7, 24),
            ),
            step(at(7, 27, 8), SOMMERFELD, "start_implementation"),
            milestone(
                at(7, 27, 8, 5),
                SOMMERFELD,
                "Vertrag mit dem Dienstleister unterschrieben",
                D(2026, 7, 31),
            ),
            milestone(
                at(7, 27, 8, 6),
                SOMMERFELD,
                "Bestelldaten aus dem Prototyp übernommen",
                D(2026, 8, 14),
            ),
            milestone(
                at(7, 27, 8, 7),
                SOMMERFELD,
                "Tablet-Ansicht in allen Filialen eingerichtet",
                D(2026, 8, 31),
            ),
            milestone_progress(
                at(7, 30, 17), SOMMERFELD, "Vertrag mit dem Dienstleister unterschrieben", 100
            ),
            milestone_progress(
                at(8, 12, 17), SOMMERFELD, "Bestelldaten aus dem Prototyp übernommen", 100
            ),
            milestone_progress(
                at(8, 28, 17), SOMMERFELD, "Tablet-Ansicht in allen Filialen eingerichtet", 100
            ),
            step(
                at(8, 31, 7), SOMMERFELD, "mark_implemented", "Seit 1. September in allen Filialen."
            ),
            step(
                at(11, 9, 14),
                WINKLER,
                "evaluate",
                evaluation="Nach einem Gespräch mit Frau Sommerfeld und den Zahlen des "
                "Dienstleisters: Im Oktober gingen im Schnitt 230 Vorbestellungen pro Woche ein. "
                "Samstags klingelt das Telefon in der Filiale am Markt nur noch halb so oft, und "
                "abends bleibt weniger Brot übrig.",
                indicator="Anrufe am Samstagvormittag in der Filiale am Markt",
                indicator_value="rund 45 → 20",
            ),
        ),
    ),
    RecommendationSpec(
        BAKERY,
        "m1",
        at(11, 5, 15),
        "Bestellungen von Kitas und Schulen online statt per Fax",
        "Kitas und Schulen bestellen Frühstück und Pausenbrot über ein eigenes Formular der "
        "Vorbestellung, auch als Dauerbestellung, statt jede Woche ein Fax zu schicken.",
        "Beim Abschlussgespräch zeigte sich: Rund 15 Einrichtungen bestellen jede Woche per "
        "Fax, Änderungen kommen per Telefon. Die Backstube überträgt alles von Hand in die "
        "Tagesliste, und dabei entstehen Fehler. Der Dienstleister kann Dauerbestellungen mit "
        "wenig Aufwand ergänzen.",
        "Keine Faxe mehr, weniger Übertragungsfehler, und die Tagesliste der Backstube enthält "
        "alle Bestellungen.",
        A.COMPANY,
        "Bäckerei Sommerfeld, Inhaberin",
        BAKERY_ORG,
        S.APPROVED,
        cost=(1_500, 3_000),
        effort=E.SMALL,
        effort_days=(4, 8),
        evidence=(REPORT,),
        steps=(
            step(
                at(11, 16, 12),
                "sup",
                "approve",
                "Gern. Bitte vor der Übergabe den Termin mit Frau Sommerfeld abstimmen.",
            ),
        ),
    ),
    # --- Jugendbefragung (Stadtverwaltung Zeitz) --------------------------------------------------
    RecommendationSpec(
        YOUTH,
        "m0",
        at(7, 13, 11),
        "Das Jugendhaus Zeitz-Ost abends länger öffnen",
        "Das Jugendhaus Zeitz-Ost öffnet von Montag bis Donnerstag bis 21 Uhr und freitags bis "
        "22 Uhr statt wie bisher bis 18 Uhr; dafür erhöht die Stadt die Förderung des Trägers "
        "um eine halbe Stelle.",
        "Von den 612 befragten Jugendlichen kennen die meisten das Jugendhaus, aber nur wenige "
        "gehen regelmäßig hin. Der häufigste Grund: Um 18 Uhr schließt es, gerade wenn die "
        "meisten Zeit haben. Zwei Drittel treffen sich abends lieber draußen, vermissen aber "
        "einen Ort mit Dach und Sitzplätzen.",
        "Mehr Jugendliche nutzen das Jugendhaus am Abend, und es gibt weniger Ärger über "
        "Treffen an Bushaltestellen und auf Spielplätzen.",
        A.COUNCIL,
        ZEITZ_COUNCIL,
        TOWN_ZEITZ,
        S.ADOPTED,
        cost=(32_000, 38_000),
        effort=E.MEDIUM,
        effort_days=(10, 15),
        evidence=(REPORT, "Fragebogen Jugendbefragung"),
        steps=(
            step(at(7, 15, 10), "sup", "approve"),
            step(at(7, 16, 12), "m0", "hand_over", first_answer_due=D(2026, 9, 30)),
            step(at(7, 21, 10), RICHTER, "confirm_receipt", responsible_person=RICHTER),
            step(
                at(7, 28, 10),
                RICHTER,
                "start_review",
                "Abstimmung mit dem Träger und dem Fachbereich Finanzen.",
            ),
            step(
                at(9, 8, 15),
                RICHTER,
                "put_on_agenda",
                "Vorberatung im Sozialausschuss am 14. September.",
                agenda_body=ZEITZ_COUNCIL,
                agenda_date=D(2026, 9, 24),
                agenda_item="Ö 12, Vorlage VIII/STR/50/0287/26",
                council_url=zeitz_link(22871),
            ),
            step(
                at(9, 25, 9),
                RICHTER,
                "adopt",
                "Mehrheitlich beschlossen nach Vorberatung im Sozialausschuss. Die Mittel stehen "
                "im Entwurf des Haushalts 2027; neue Öffnungszeiten ab Februar 2027.",
                decided_on=D(2026, 9, 24),
            ),
            milestone(
                at(10, 20, 11),
                RICHTER,
                "Halbe Stelle mit dem Träger vereinbart",
                D(2026, 12, 15),
                50,
            ),
            milestone(
                at(10, 20, 11, 5),
                RICHTER,
                "Neue Öffnungszeiten ab 1. Februar 2027",
                D(2027, 2, 1),
            ),
        ),
    ),
    RecommendationSpec(
        YOUTH,
        "m1",
        at(7, 13, 14),
        "Einen überdachten Treffpunkt im Stadtpark bauen",
        "Im Stadtpark entsteht ein überdachter, beleuchteter Treffpunkt mit Sitzbänken und "
        "Steckdosen, geplant gemeinsam mit dem Kinder- und Jugendbeirat.",
        "Zwei Drittel der Befragten treffen sich am liebsten draußen, nennen als größten Mangel "
        "aber Orte mit Dach, Sitzplätzen und Strom. Auf der Karte der Treffpunkte liegt der "
        "Stadtpark vorn, ist aber bei Regen und im Winter nicht nutzbar. Ein Ort ohne "
        "Konsumzwang war der meistgenannte Wunsch.",
        "Ein Ort, an dem Jugendliche sich das ganze Jahr treffen können, ohne zu stören oder "
        "gestört zu werden.",
        A.COUNCIL,
        ZEITZ_COUNCIL,
        TOWN_ZEITZ,
        S.ON_AGENDA,
        cost=(45_000, 70_000),
        effort=E.MEDIUM,
        effort_days=(20, 30),
        evidence=(REPORT, SLIDES),
        steps=(
            step(at(7, 15, 10, 10), "sup", "approve"),
            step(at(7, 16, 12, 10), "m1", "hand_over", first_answer_due=D(2026, 9, 30)),
            step(
                at(7, 21, 10, 30),
                NEUMANN,
                "confirm_receipt",
                "Die Stadtplanung sucht mit dem Grünflächenamt einen Standort.",
                responsible_person=NEUMANN,
                first_answer_due=D(2026, 12, 18),
            ),
            step(at(8, 17, 9), NEUMANN, "start_review"),
            step(
                at(11, 17, 16),
                NEUMANN,
                "put_on_agenda",
                "Vorberatung im Bauausschuss am 25. November und im Sozialausschuss am "
                "30. November; Entscheidung mit dem Haushalt 2027.",
                agenda_body=ZEITZ_COUNCIL,
                agenda_date=D(2026, 12, 10),
                agenda_item="Ö 9, Vorlage VIII/STR/61/0341/26",
                council_url=zeitz_link(23104),
            ),
        ),
    ),
    RecommendationSpec(
        YOUTH,
        "m2",
        at(7, 14, 9, 30),
        "Ein Rufbus am Wochenende bis 23 Uhr",
        "Freitags und samstags fährt bis 23 Uhr ein Rufbus zwischen Innenstadt, Zeitz-Ost und "
        "den größeren Ortsteilen, bestellbar per App und Telefon.",
        "Viele Befragte aus den Ortsteilen kommen abends nur nach Hause, wenn Eltern sie "
        "fahren; am Wochenende fährt der letzte Bus vor 20 Uhr. Ohne eine Rückfahrt nützen auch "
        "längere Öffnungszeiten wenig.",
        "Jugendliche aus den Ortsteilen können abends die Angebote in der Stadt nutzen.",
        A.COUNCIL,
        ZEITZ_COUNCIL,
        TOWN_ZEITZ,
        S.DEFERRED,
        cost=(60_000, 90_000),
        effort=E.LARGE,
        effort_days=(30, 50),
        evidence=(REPORT,),
        steps=(
            step(at(7, 15, 10, 20), "sup", "approve"),
            step(at(7, 16, 12, 20), "m2", "hand_over", first_answer_due=D(2026, 9, 30)),
            step(at(7, 21, 10, 10), RICHTER, "confirm_receipt", responsible_person=RICHTER),
            step(at(7, 28, 10, 10), RICHTER, "start_review"),
            step(
                at(10, 6, 14),
                RICHTER,
                "put_on_agenda",
                agenda_body=ZEITZ_COUNCIL,
                agenda_date=D(2026, 10, 22),
                agenda_item="Ö 14, Vorlage VIII/STR/32/0312/26",
                council_url=zeitz_link(22996),
            ),
            step(
                at(10, 23, 9),
                RICHTER,
                "defer",
                "Vertagt: Aufgabenträger für den Busverkehr ist der Burgenlandkreis. Die "
                "Verwaltung holt seine Stellungnahme ein und bringt den Vorschlag in die "
                "Fortschreibung des Nahverkehrsplans ein; erneute Beratung im ersten Quartal "
                "2027.",
            ),
        ),
    ),
    RecommendationSpec(
        YOUTH,
        "m3",
        at(7, 14, 11),
        "Den Kinder- und Jugendbeirat an Planungen beteiligen",
        "Der Kinder- und Jugendbeirat erhält ein Rede- und Antragsrecht im Sozialausschuss und "
        "wird bei jeder Planung, die Jugendliche betrifft, vor dem Beschluss gehört.",
        "Der Beirat hat den Fragebogen mitentwickelt und an den Schulen für die Befragung "
        "geworben. In den Workshops sagten Jugendliche, dass sie mitreden wollen, aber nicht "
        "wissen, wann etwas entschieden wird.",
        "Planungen für Jugendliche treffen ihre Wünsche besser, und der Beirat bleibt aktiv, "
        "weil seine Arbeit Folgen hat.",
        A.COMMITTEE,
        ZEITZ_SOCIAL,
        TOWN_ZEITZ,
        S.RECEIVED,
        cost=(0, 2_000),
        effort=E.SMALL,
        effort_days=(2, 4),
        evidence=(REPORT,),
        steps=(
            step(at(7, 15, 10, 30), "sup", "approve"),
            step(at(7, 16, 12, 30), "m3", "hand_over", first_answer_due=D(2026, 9, 30)),
            # The town answered by letter; the coordination records the receipt for it.
            step(
                at(8, 10, 13),
                VOGEL,
                "confirm_receipt",
                "Eingang mit Schreiben des Oberbürgermeisters vom 7. August bestätigt; "
                "verantwortlich ist Herr Richter.",
                responsible_person=RICHTER,
            ),
        ),
    ),
    # --- Fotoarchiv (Zeitzer Heimatverein) --------------------------------------------------------
    RecommendationSpec(
        ARCHIVE,
        "m0",
        at(7, 20, 16),
        "Die Ausstellung „Zeitzer Straßen im Wandel“ in der Stadtbibliothek zeigen",
        "Die 48 Aufnahmen der Online-Ausstellung werden von Januar bis März 2027 als Tafeln in "
        "der Stadtbibliothek gezeigt, eröffnet mit einem Erzählcafé, in dem Besucherinnen und "
        "Besucher weitere Fotos bestimmen helfen.",
        "Zu den drei Erzählcafés kamen 40 Mitglieder und Gäste und erkannten Namen, Geschäfte "
        "und Ereignisse, die niemand mehr wusste. Die Online-Ausstellung erreicht vor allem "
        "Jüngere; die Älteren, die am meisten beitragen können, erreicht man vor Ort.",
        "Mehr beschriftete Bilder, neue Mitglieder für den Verein und eine Ausstellung, die "
        "Schulen im Unterricht nutzen können.",
        A.DEPARTMENT,
        "Stadtbibliothek Zeitz",
        TOWN_ZEITZ,
        S.IN_IMPLEMENTATION,
        cost=(2_500, 4_000),
        effort=E.SMALL,
        effort_days=(6, 10),
        evidence=(REPORT, SLIDES),
        steps=(
            step(at(7, 22, 9), "sup", "approve"),
            step(at(7, 24, 10), "m0", "hand_over", first_answer_due=D(2026, 9, 15)),
            step(at(7, 28, 9), RICHTER, "confirm_receipt", responsible_person=RICHTER),
            step(
                at(7, 28, 9, 5), RICHTER, "start_review", "Weitergeleitet an die Stadtbibliothek."
            ),
            step(
                at(8, 26, 11),
                RICHTER,
                "adopt",
                "Die Stadtbibliothek zeigt die Ausstellung vom 22. Januar bis 27. März 2027 und "
                "übernimmt den Druck der Tafeln.",
                decided_on=D(2026, 8, 25),
            ),
            step(at(9, 1, 10), RICHTER, "start_implementation"),
            milestone(
                at(9, 1, 10, 5),
                RICHTER,
                "Termin und Raum in der Stadtbibliothek festgelegt",
                D(2026, 9, 15),
            ),
            milestone(
                at(9, 1, 10, 6),
                RICHTER,
                "Texte der Tafeln mit dem Heimatverein abgestimmt",
                D(2026, 10, 30),
            ),
            milestone(
                at(9, 1, 10, 7), RICHTER, "48 Tafeln gestaltet und gedruckt", D(2026, 12, 18)
            ),
            milestone(at(9, 1, 10, 8), RICHTER, "Eröffnung mit einem Erzählcafé", D(2027, 1, 22)),
            milestone_progress(
                at(9, 10, 14), RICHTER, "Termin und Raum in der Stadtbibliothek festgelegt", 100
            ),
            milestone_progress(
                at(10, 28, 14), RICHTER, "Texte der Tafeln mit dem Heimatverein abgestimmt", 100
            ),
            milestone_progress(at(11, 12, 14), RICHTER, "48 Tafeln gestaltet und gedruckt", 40),
        ),
    ),
    RecommendationSpec(
        ARCHIVE,
        "m1",
        at(7, 21, 15),
        "Eine Einverständniserklärung für Bildspenden einführen",
        "Wer dem Heimatverein Fotos schenkt oder leiht, unterschreibt künftig eine kurze "
        "Erklärung, ob und wie der Verein die Bilder zeigen und veröffentlichen darf.",
        "Nur für 48 der 560 erfassten Bilder waren die Rechte klar genug für die "
        "Online-Ausstellung. Bei den übrigen ist unbekannt, wer sie aufgenommen hat oder ob "
        "die Spender einer Veröffentlichung zugestimmt hätten. Ohne Erklärung wächst dieses "
        "Problem mit jeder neuen Spende.",
        "Neue Bilder können ohne Nachforschungen gezeigt werden, und der Verein ist rechtlich "
        "auf der sicheren Seite.",
        A.COMMITTEE,
        "Vorstand des Zeitzer Heimatvereins",
        ARCHIVE_ORG,
        S.HANDED_OVER,
        cost=(0, 500),
        effort=E.SMALL,
        effort_days=(1, 3),
        responsible=PFEIFFER,
        evidence=("Erfassungsschema Fotoarchiv", REPORT),
        steps=(
            step(at(7, 23, 11), "sup", "approve"),
            step(at(7, 30, 17), "m1", "hand_over", first_answer_due=D(2026, 9, 30)),
        ),
    ),
    # --- IT-Sicherheits-Check (Elster-IT, Zeitz) --------------------------------------------------
    RecommendationSpec(
        SECURITY,
        "m0",
        at(7, 10, 14),
        "Den IT-Sicherheits-Check allen Mitgliedern des Gewerbe- und Handelsvereins anbieten",
        "Der Gewerbe- und Handelsverein empfiehlt den Check seinen Mitgliedern; Elster-IT "
        "bietet ihn als Online-Fragebogen kostenlos an und bespricht das Ergebnis auf Wunsch in "
        "einer halben Stunde.",
        "In allen fünf Testbetrieben fehlte eine Datensicherung außer Haus, drei nutzten "
        "dasselbe Passwort für mehrere Konten. Die Betriebe bewerteten den Check mit 4,4 von 5 "
        "Punkten, und eine Stunde Zeit war für alle vertretbar. Über den Verein erreicht der "
        "Check Betriebe, die von sich aus nie einen IT-Dienstleister fragen würden.",
        "Mindestens 30 Betriebe machen den Check im ersten Jahr und kennen danach ihre drei "
        "wichtigsten nächsten Schritte.",
        A.COMMITTEE,
        "Vorstand des Gewerbe- und Handelsvereins Zeitz",
        TRADE_ZEITZ,
        S.IMPLEMENTED,
        cost=(1_000, 2_500),
        effort=E.SMALL,
        effort_days=(5, 8),
        responsible=KRUEGER,
        evidence=("Fragenkatalog IT-Sicherheits-Check", REPORT),
        links=(
            (
                "Bundesamt für Sicherheit in der Informationstechnik (BSI)",
                "https://www.bsi.bund.de/",
            ),
        ),
        steps=(
            step(at(7, 13, 11), "sup2", "approve"),
            step(at(7, 14, 15), "m0", "hand_over", first_answer_due=D(2026, 8, 31)),
            step(at(7, 16, 8), KRUEGER, "confirm_receipt"),
            step(at(7, 16, 8, 5), KRUEGER, "start_review", "Auf der Vorstandssitzung im August."),
            step(
                at(8, 5, 9),
                KRUEGER,
                "adopt",
                "Vorstandsbeschluss vom 4. August: Der Verein empfiehlt den Check im "
                "Rundschreiben und beim Unternehmerstammtisch.",
                decided_on=D(2026, 8, 4),
            ),
            step(at(8, 5, 9, 5), KRUEGER, "start_implementation"),
            milestone(
                at(8, 5, 9, 10),
                KRUEGER,
                "Check als Online-Fragebogen auf der Website von Elster-IT",
                D(2026, 8, 31),
            ),
            milestone(
                at(8, 5, 9, 11),
                KRUEGER,
                "Vorstellung beim Unternehmerstammtisch",
                D(2026, 9, 10),
            ),
            milestone_progress(
                at(8, 28, 16),
                KRUEGER,
                "Check als Online-Fragebogen auf der Website von Elster-IT",
                100,
            ),
            milestone_progress(
                at(9, 10, 21), KRUEGER, "Vorstellung beim Unternehmerstammtisch", 100
            ),
            step(
                at(9, 30, 10),
                KRUEGER,
                "mark_implemented",
                "Seit September im Angebot; bis Ende September haben 14 Betriebe den Check "
                "gemacht.",
            ),
        ),
    ),
    RecommendationSpec(
        SECURITY,
        "m1",
        at(7, 10, 15),
        "Datensicherung außer Haus und Notfallkarte in den fünf Testbetrieben",
        "Elster-IT richtet in den fünf Testbetrieben eine automatische Datensicherung außer "
        "Haus ein und hängt in jedem Betrieb eine Notfallkarte aus: wen anrufen, was "
        "abschalten, wo die Sicherung liegt.",
        "Der Test hat in jedem der fünf Betriebe Lücken gezeigt, die im Ernstfall den Betrieb "
        "tagelang stilllegen würden. Weil die Empfehlung die Betriebe und ihre Schwachstellen "
        "einzeln nennt, ist sie vertraulich.",
        "Kein Testbetrieb verliert bei einem Verschlüsselungsangriff mehr als einen Arbeitstag "
        "an Daten.",
        A.COMPANY,
        "Elster-IT Service GmbH, Geschäftsführung",
        SECURITY_ORG,
        S.IN_IMPLEMENTATION,
        cost=(3_000, 6_000),
        effort=E.MEDIUM,
        effort_days=(8, 12),
        responsible=KRUEGER,
        evidence=("Fragenkatalog IT-Sicherheits-Check",),
        confidential=True,
        steps=(
            step(at(7, 13, 11, 10), "sup", "approve"),
            step(at(7, 14, 15, 10), "m1", "hand_over", first_answer_due=D(2026, 8, 14)),
            step(at(7, 15, 8), KRUEGER, "confirm_receipt"),
            step(at(7, 15, 8, 5), KRUEGER, "start_review"),
            step(
                at(7, 22, 17),
                KRUEGER,
                "adopt",
                "Mit allen fünf Betrieben abgestimmt.",
                decided_on=D(2026, 7, 22),
            ),
            step(at(7, 27, 9), KRUEGER, "start_implementation"),
            milestone(at(7, 27, 9, 5), KRUEGER, "Notfallkarten ausgehängt", D(2026, 9, 30)),
            milestone(
                at(7, 27, 9, 6),
                KRUEGER,
                "Datensicherung außer Haus in allen fünf Betrieben",
                D(2026, 10, 30),
            ),
            milestone_progress(at(9, 25, 15), KRUEGER, "Notfallkarten ausgehängt", 100),
            milestone_progress(
                at(10, 29, 15), KRUEGER, "Datensicherung außer Haus in allen fünf Betrieben", 60
            ),
            # Set by hand: two businesses still wait for new routers.
            Step(at(11, 2, 9), KRUEGER, "progress", data={"progress": 70}),
        ),
    ),
    RecommendationSpec(
        SECURITY,
        "m2",
        at(11, 18, 19),
        "Kurze Schulungen für Beschäftigte: Betrug per E-Mail erkennen",
        "Elster-IT bietet mit dem Gewerbe- und Handelsverein eine Schulung von 90 Minuten für "
        "Beschäftigte an, in der gefälschte Rechnungen und Phishing-Mails an echten Beispielen "
        "geübt werden.",
        "",  # still being written
        "",
        A.COMPANY,
        "Elster-IT Service GmbH, Geschäftsführung",
        SECURITY_ORG,
        S.DRAFTED,
        effort=E.SMALL,
        evidence=("Fragenkatalog IT-Sicherheits-Check",),
    ),
    # --- Hitzeinseln (Stadtverwaltung Eilenburg) --------------------------------------------------
    RecommendationSpec(
        HEAT,
        "m0",
        at(7, 16, 10),
        "Mehr Schatten und Wasser auf dem Marktplatz",
        "Auf dem Marktplatz werden acht großkronige Bäume in Pflanzgruben mit Wasserspeicher "
        "gepflanzt und ein bodengleiches Wasserspiel angelegt, das an heißen Tagen läuft.",
        "Der Marktplatz war an heißen Nachmittagen im Mittel 3,8 Grad wärmer als das Muldeufer "
        "und ist auf der Karte der Oberflächentemperaturen der heißeste Ort der Innenstadt. Er "
        "ist fast vollständig versiegelt und hat keine Baumkronen. Bäume senken die gefühlte "
        "Temperatur am stärksten; Wasser kühlt zusätzlich und lädt zum Verweilen ein.",
        "Am Nachmittag ein bis zwei Grad kühlere Luft auf dem Platz und Schatten für Markttage, "
        "Wartende und Ältere.",
        A.COUNCIL,
        EILENBURG_COUNCIL,
        TOWN_EILENBURG,
        S.ADOPTED_WITH_CHANGES,
        cost=(180_000, 250_000),
        effort=E.LARGE,
        effort_days=(60, 90),
        evidence=(REPORT, "Messprotokoll Hitzetage", SLIDES),
        links=(
            (
                "Offene Daten: Messfahrten Hitzeinseln 2026",
                "https://opendata.eilenburg.example/hitzemessungen-2026",
            ),
        ),
        steps=(
            step(at(7, 20, 11), "sup", "approve"),
            step(at(7, 22, 9), "m0", "hand_over", first_answer_due=D(2026, 9, 30)),
            step(at(7, 27, 10), HOFFMANN, "confirm_receipt", responsible_person=HOFFMANN),
            step(
                at(8, 3, 10),
                HOFFMANN,
                "start_review",
                "Prüfung mit dem Tiefbau und den Stadtwerken (Leitungen unter dem Markt).",
            ),
            step(
                at(9, 22, 10),
                HOFFMANN,
                "put_on_agenda",
                agenda_body=EILENBURG_COUNCIL,
                agenda_date=D(2026, 10, 5),
                agenda_item="TOP 9 (öffentlich), Beschlussvorlage BV/2026/131",
                council_url=eilenburg_link(4131),
            ),
            step(
                at(10, 6, 9),
                HOFFMANN,
                "adopt_with_changes",
                "Beschlossen mit Änderungen: sechs statt acht Bäume, weil unter dem Markt "
                "Leitungen liegen; statt des Wasserspiels ein Trinkbrunnen und eine "
                "Sprühnebelanlage. Umsetzung mit der Sanierung des Marktes 2027/28; "
                "Fördermittel werden beantragt.",
                decided_on=D(2026, 10, 5),
            ),
            milestone(
                at(10, 20, 9),
                HOFFMANN,
                "Baumstandorte mit den Leitungsträgern abgestimmt",
                D(2027, 2, 26),
                30,
            ),
            milestone(at(10, 20, 9, 5), HOFFMANN, "Förderantrag gestellt", D(2027, 3, 31)),
        ),
    ),
    RecommendationSpec(
        HEAT,
        "m1",
        at(7, 16, 11),
        "Zwei städtische Parkplätze entsiegeln und mit Bäumen beschatten",
        "Die beiden heißesten städtischen Parkplätze der Innenstadt, am Mühlgraben und an der "
        "Torgauer Straße, erhalten Rasengittersteine und Baumreihen; die Zahl der Stellplätze "
        "sinkt um etwa ein Viertel.",
        "Nach dem Marktplatz sind die beiden Parkplätze die heißesten Flächen auf der Karte der "
        "Oberflächentemperaturen; an heißen Tagen erreichte der Asphalt über 50 Grad. "
        "Entsiegelte Flächen mit Bäumen heizen sich deutlich weniger auf und nehmen Starkregen "
        "auf.",
        "Kühlere Luft in den angrenzenden Straßen und weniger Wasser in der Kanalisation bei "
        "Starkregen.",
        A.COMMITTEE,
        EILENBURG_BUILDING,
        TOWN_EILENBURG,
        S.REJECTED,
        cost=(250_000, 400_000),
        effort=E.LARGE,
        effort_days=(40, 70),
        evidence=(REPORT, "Messprotokoll Hitzetage"),
        steps=(
            step(at(7, 20, 11, 10), "sup", "approve"),
            step(at(7, 22, 9, 10), "m1", "hand_over", first_answer_due=D(2026, 9, 30)),
            step(at(7, 27, 10, 10), HOFFMANN, "confirm_receipt", responsible_person=HOFFMANN),
            step(at(8, 3, 10, 10), HOFFMANN, "start_review"),
            step(
                at(9, 2, 14),
                HOFFMANN,
                "put_on_agenda",
                agenda_body=EILENBURG_BUILDING,
                agenda_date=D(2026, 9, 16),
                agenda_item="TOP 5 (öffentlich), Beschlussvorlage BV/2026/122",
                council_url=eilenburg_link(4122),
            ),
            step(
                at(9, 17, 9),
                HOFFMANN,
                "reject",
                "Abgelehnt: Die Stellplätze werden für den Einzelhandel und die Markttage "
                "gebraucht, und das Parkraumkonzept sieht keinen Abbau vor. Der Ausschuss bittet, "
                "die Entsiegelung beim Umbau des Parkplatzes am Mühlgraben (ab 2029) erneut zu "
                "prüfen.",
                decided_on=D(2026, 9, 16),
            ),
        ),
    ),
    # --- The accompanying research ----------------------------------------------------------------
    RecommendationSpec(
        HEAT,
        BRENNER,
        at(10, 19, 14),
        "Hitzemessungen alle zwei Jahre wiederholen und drei feste Messpunkte einrichten",
        "Die Stadt wiederholt die Messfahrten des Projekts alle zwei Jahre mit Studierenden und "
        "betreibt am Marktplatz, am Muldeufer und auf einem Parkplatz drei feste "
        "Temperaturfühler, deren Werte als offene Daten erscheinen.",
        "Die Messfahrten im Sommer 2026 sind die ersten Messungen der Eilenburger Innenstadt. "
        "Ob Bäume und Entsiegelung wirken, lässt sich nur mit Vergleichswerten zeigen. Drei "
        "feste Fühler kosten wenig und liefern die Zeitreihe, mit der die Stadt im "
        "Klimaanpassungskonzept des Landkreises und in Förderanträgen argumentieren kann.",
        "Die Stadt kann die Wirkung der Maßnahmen am Markt belegen und Fördermittel mit "
        "Messwerten begründen.",
        A.DEPARTMENT,
        "Stadtplanung und Bauverwaltung",
        TOWN_EILENBURG,
        S.HANDED_OVER,
        cost=(2_000, 3_500),
        effort=E.SMALL,
        effort_days=(5, 8),
        responsible=HOFFMANN,
        evidence=("Messprotokoll Hitzetage", REPORT),
        links=(
            (
                "Offene Daten: Messfahrten Hitzeinseln 2026",
                "https://opendata.eilenburg.example/hitzemessungen-2026",
            ),
        ),
        steps=(
            step(at(10, 26, 10), VOGEL, "approve", "Gelesen und freigegeben."),
            step(at(11, 5, 11), BRENNER, "hand_over", first_answer_due=D(2026, 12, 18)),
        ),
    ),
    RecommendationSpec(
        "",
        WINKLER,
        at(8, 17, 10),
        "Eine feste Ansprechperson für Hochschulprojekte im Rathaus",
        "Die Stadtverwaltung benennt eine Person, die Praxisprojekte mit Hochschulen "
        "koordiniert, Anfragen der Teams an die Ämter verteilt und dafür vier Stunden in der "
        "Woche einplant.",
        "In den Interviews der Begleitforschung mit Teams, Betreuenden und Partnern des "
        "Sommersemesters 2026 zeigte sich: Projekte kamen dort schneller voran, wo eine Person "
        "Termine, Daten und Rückfragen bündelte. In Eilenburg liefen die Projekte über "
        "verschiedene Ämter; Rückfragen der Teams blieben dort im Mittel fünf Arbeitstage "
        "liegen, bei den Unternehmen zwei.",
        "Schnellere Antworten an die Teams, keine doppelten Anfragen, und die Verwaltung weiß, "
        "welche Ergebnisse aus Projekten vorliegen.",
        A.DEPARTMENT,
        "Büro des Oberbürgermeisters",
        TOWN_EILENBURG,
        S.UNDER_REVIEW,
        cost=(0, 6_000),
        effort=E.SMALL,
        effort_days=(20, 25),
        municipality=EILENBURG,
        steps=(
            step(at(8, 24, 15), VOGEL, "approve"),
            step(at(8, 31, 10), WINKLER, "hand_over", first_answer_due=D(2026, 10, 30)),
            step(
                at(9, 3, 11),
                LORENZ,
                "confirm_receipt",
                responsible_person=LORENZ,
                first_answer_due=D(2026, 12, 14),
            ),
            step(
                at(9, 15, 14),
                LORENZ,
                "start_review",
                "Wird mit der Stellenplanung 2027 geprüft.",
            ),
        ),
    ),
)
