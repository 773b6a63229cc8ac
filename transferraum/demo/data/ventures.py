"""The demo's ventures: five start-ups at different stages, one from a project of the finished
round, one the demo founder's company (Mira Albrecht, Kreislaufwerk Eilenburg), with mentors and
two programme applications. Dates are days before DEMO_TODAY."""

from __future__ import annotations

from dataclasses import dataclass

from transferraum.demo.data.organisations import STARTUP

FOUNDER = "gruenderin@startup-eilenburg.example"
ADVISER = "gruendung@uni-leipzig.example"  # Nora Baumann, SMILE Gründungsinitiative
SUPERVISOR = "betreuung@uni-leipzig.example"
LENA = "lena.schubert@studserv.uni-leipzig.example"
JONAS = "jonas.weber@studserv.uni-leipzig.example"
RESEARCH = "lukas.brenner@uni-leipzig.example"
WORKSHOP = "werkstatt@zeitzer-werkstaetten.example"
BAKERY_PROJECT = "Online vorbestellen, in der Filiale abholen"
TEAM = "team:"  # a founder from the team of the origin project: TEAM + the index in the team


@dataclass(frozen=True)
class VentureSpec:
    name: str
    one_line: str
    idea: str
    sector: str
    origin: str
    town: str
    founders: tuple[str, ...]  # e-mails (the first starts it) or TEAM + index
    stage: str
    # days before DEMO_TODAY each gate was passed, in order from "team"
    gates: tuple[int, ...] = ()
    project: str = ""
    origin_note: str = ""
    public: bool = False
    competences: tuple[str, ...] = ()
    founding: tuple[str, str] = ("", "")  # legal form, register number
    mentors: tuple[tuple[str, bool], ...] = ()  # (e-mail, accepted)
    applications: tuple[tuple[str, str], ...] = ()  # (programme slug, outcome or "submitted")
    organisation: str = ""  # the company on the platform, by name


VENTURES: tuple[VentureSpec, ...] = (
    VentureSpec(
        "Kreislaufwerk Eilenburg",
        "Bauteile aus Abriss und Rückbau für neue Häuser in Nordsachsen",
        "Eine Bauteilbörse mit Lager in Eilenburg: Türen, Dielen, Ziegel und Heizkörper aus "
        "Rückbau werden geborgen, geprüft und an Handwerksbetriebe und Private verkauft.",
        "G",
        "external",
        "Eilenburg",
        (FOUNDER, LENA),
        "settled",
        gates=(420, 360, 300, 260, 240, 60),
        origin_note="Aus einem Praxisprojekt der Universität Leipzig vor dem Start der Plattform",
        public=True,
        competences=("kreislaufwirtschaft", "bauwesen"),
        founding=("UG (haftungsbeschränkt)", "HRB 41327"),
        mentors=((ADVISER, True),),
        applications=(("sab-innostartbonus", "granted"), ("futuresax", "submitted")),
        organisation=STARTUP,
    ),
    VentureSpec(
        "Abholfenster",
        "Vorbestellen und abholen für kleine Bäckereien und Läden",
        "Aus dem Praxisprojekt mit der Bäckerei Sommerfeld: eine einfache Vorbestellung mit "
        "Abholzeitfenstern, die kleine Betriebe ohne eigene IT betreiben können.",
        "J",
        "project",
        "Eilenburg",
        (TEAM + "0", TEAM + "1"),
        "prototype",
        gates=(120, 75, 21),
        project=BAKERY_PROJECT,
        public=True,
        competences=("datenanalyse",),
        mentors=((FOUNDER, True), (SUPERVISOR, True)),
    ),
    VentureSpec(
        "Pendelwerk",
        "Mitfahrdaten für Pendelwege zwischen Leipzig und den Partnerstädten",
        "Aus der Begleitforschung zu Pendelwegen: ein Dienst, der Kommunen zeigt, wo "
        "Mitfahrangebote fehlen.",
        "J",
        "research",
        "Zeitz",
        (RESEARCH, JONAS),
        "team",
        gates=(40,),
        origin_note="Begleitforschung, Institut für Geographie",
        competences=("geoinformatik", "verkehrsplanung"),
        mentors=((ADVISER, False),),
    ),
    VentureSpec(
        "Zeitzer Werkbank",
        "Reparatur-Abos für Haushaltsgeräte aus der Werkstatt in Zeitz",
        "Eine offene Werkstatt bietet Reparaturen im Abo an und bildet dabei Jugendliche aus.",
        "S",
        "external",
        "Zeitz",
        (JONAS, WORKSHOP),
        "validated",
        gates=(200, 150),
        public=True,
        competences=("handwerk",),
    ),
    VentureSpec(
        "Saatgutkiste",
        "Regionales Saatgut im Abo",
        "Eine Idee aus einer Masterarbeit über alte Gemüsesorten in Nordsachsen.",
        "A",
        "thesis",
        "Eilenburg",
        (LENA,),
        "idea",
        origin_note="Masterarbeit Humangeographie",
        competences=("landwirtschaft",),
    ),
)
