"""The starter catalogue as data: topic fields, transfer formats and the default recommender rules.

These tables are the one place to change the starter data; `transferraum.challenges.catalogue`
loads them (`manage.py load_catalogue`, run by `make db`). Other code relies on the slugs, so a
slug never changes. The rules are explained for coordinators in docs/recommender.md, whose table
must list every default rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from transferraum.challenges.models import TransferFormat


@dataclass(frozen=True)
class StarterTopic:
    slug: str
    name_de: str
    name_en: str


@dataclass(frozen=True)
class StarterFormat:
    slug: str
    name_de: str
    name_en: str
    description_de: str
    description_en: str
    duration_de: str
    duration_en: str
    participants_de: str
    participants_en: str
    partner_effort: str
    partner_effort_note_de: str
    partner_effort_note_en: str
    fits_when_de: str
    fits_when_en: str
    not_fit_when_de: str
    not_fit_when_en: str
    is_project_format: bool = False


@dataclass(frozen=True)
class StarterRule:
    attribute: str
    value: str
    format_slug: str
    weight: int
    reason_de: str
    reason_en: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.attribute, self.value, self.format_slug)


TOPIC_FIELDS: tuple[StarterTopic, ...] = (
    StarterTopic("ansiedlung-wirtschaft", "Ansiedlung & Wirtschaft", "Business & settlement"),
    StarterTopic(
        "fachkraefte-demografie", "Fachkräfte & Demografie", "Skilled workers & demography"
    ),
    StarterTopic("mobilitaet", "Mobilität", "Mobility"),
    StarterTopic("innenstadt-leerstand", "Innenstadt & Leerstand", "Town centre & vacancy"),
    StarterTopic("energie-klima", "Energie & Klima", "Energy & climate"),
    StarterTopic("digitale-verwaltung", "Digitale Verwaltung", "Digital administration"),
    StarterTopic("bildung", "Bildung", "Education"),
    StarterTopic("kultur-tourismus", "Kultur & Tourismus", "Culture & tourism"),
    StarterTopic("gesundheit-pflege", "Gesundheit & Pflege", "Health & care"),
)

LOW, MEDIUM, HIGH = (
    TransferFormat.Effort.LOW.value,
    TransferFormat.Effort.MEDIUM.value,
    TransferFormat.Effort.HIGH.value,
)

TRANSFER_FORMATS: tuple[StarterFormat, ...] = (
    StarterFormat(
        slug="praxisprojekt",
        name_de="Praxisprojekt im Seminar",
        name_en="Practice project in a seminar",
        description_de=(
            "Eine Gruppe von Studierenden bearbeitet Ihre Fragestellung ein Semester lang in "
            "einem Seminar oder Projektmodul. Lehrende begleiten die Arbeit fachlich und sichern "
            "die Qualität; die Studierenden erhalten dafür Leistungspunkte, meist 5 bis 10 ECTS. "
            "Auf einen gemeinsamen Auftakt folgen ein Zwischenstand zur Semestermitte und zum "
            "Schluss eine Präsentation mit Bericht. Die Ergebnisse sind studentische Arbeiten: "
            "gründlich und mit frischem Blick, aber kein Gutachten und keine Dienstleistung."
        ),
        description_en=(
            "A group of students works on your question for one semester in a seminar or "
            "project module. Lecturers supervise the work and ensure its quality; the students "
            "earn credits for it, usually 5 to 10 ECTS. A joint kick-off is followed by an "
            "interim presentation in mid-semester and a final presentation with a report. The "
            "results are student work: thorough and with a fresh view, but neither an expert "
            "opinion nor a commissioned service."
        ),
        duration_de="ein Semester (etwa 4 Monate), Beginn im April oder Oktober",
        duration_en="one semester (about 4 months), starting in April or October",
        participants_de="4–15 Studierende, eine Lehrperson, eine Ansprechperson beim Partner",
        participants_en="4–15 students, a lecturer, a contact person at the partner",
        partner_effort=MEDIUM,
        partner_effort_note_de=(
            "Auftakt, Zwischen- und Abschlusspräsentation, Daten und Ortstermine, eine "
            "Ansprechperson für Rückfragen (etwa 1–2 Stunden pro Woche)"
        ),
        partner_effort_note_en=(
            "Kick-off, interim and final presentation, data and site visits, a contact person "
            "for questions (about 1–2 hours a week)"
        ),
        fits_when_de=(
            "Die Fragestellung ist klar umrissen und lässt sich in einem Semester bearbeiten. "
            "Sie können Daten, Ortstermine oder Gesprächspartner bereitstellen. Die Ergebnisse "
            "werden frühestens zum Ende des Semesters gebraucht."
        ),
        fits_when_en=(
            "The question is clearly outlined and can be worked on within one semester. You can "
            "provide data, site visits or people to talk to. The results are needed no earlier "
            "than the end of the semester."
        ),
        not_fit_when_de=(
            "Die Ergebnisse werden in wenigen Wochen oder mitten im Semester gebraucht. Die "
            "Aufgabe ist streng vertraulich oder verlangt eine verbindliche Leistung mit "
            "Gewährleistung, wie sie ein Planungsbüro erbringt."
        ),
        not_fit_when_en=(
            "The results are needed within a few weeks or in the middle of the semester. The "
            "task is strictly confidential or calls for a binding service with a warranty, as a "
            "consultancy would provide."
        ),
        is_project_format=True,
    ),
    StarterFormat(
        slug="abschlussarbeit",
        name_de="Abschlussarbeit (Bachelor/Master)",
        name_en="Final thesis (Bachelor's/Master's)",
        description_de=(
            "Eine Studentin oder ein Student untersucht Ihre Fragestellung in einer Bachelor- "
            "oder Masterarbeit, betreut von einer Professorin oder einem Professor der "
            "Universität. Die Bearbeitungszeit beträgt für eine Bachelorarbeit meist drei, für "
            "eine Masterarbeit sechs Monate; dazu kommen Themenfindung und Anmeldung. Die Arbeit "
            "geht in die Tiefe, folgt wissenschaftlichen Methoden und wird benotet. Auch "
            "vertrauliche Themen sind möglich: mit einer Geheimhaltungsvereinbarung und einem "
            "Sperrvermerk, der die Arbeit für einige Jahre unter Verschluss hält."
        ),
        description_en=(
            "A student examines your question in a Bachelor's or Master's thesis, supervised by "
            "a professor of the university. The writing period is usually three months for a "
            "Bachelor's and six months for a Master's thesis, plus the time to find and register "
            "the topic. The thesis goes into depth, follows scientific methods and is graded. "
            "Confidential topics are possible too: with a non-disclosure agreement and a "
            "restriction notice that keeps the thesis under lock for some years."
        ),
        duration_de="3 (Bachelor) bis 6 Monate (Master) Bearbeitungszeit, mit Vorlauf 6–9 Monate",
        duration_en="3 (Bachelor's) to 6 months (Master's) of writing, 6–9 months with lead time",
        participants_de=(
            "1 Studierende oder Studierender, Betreuung durch die Universität, Zweitbetreuung "
            "beim Partner möglich"
        ),
        participants_en=(
            "1 student, supervised by the university; a second supervisor at the partner is "
            "possible"
        ),
        partner_effort=MEDIUM,
        partner_effort_note_de=(
            "eine feste Ansprechperson, Zugang zu Daten oder zum Betrieb, Abstimmung etwa alle "
            "zwei Wochen"
        ),
        partner_effort_note_en=(
            "a fixed contact person, access to data or to the business, a meeting about every "
            "two weeks"
        ),
        fits_when_de=(
            "Eine klar umrissene Frage verlangt gründliche Analyse oder Fachwissen. Sie haben "
            "mehrere Monate Zeit und können eine Person über diese Zeit begleiten. Auch "
            "vertrauliche Themen eignen sich, mit Sperrvermerk."
        ),
        fits_when_en=(
            "A clearly outlined question calls for thorough analysis or specialist knowledge. "
            "You have several months and can accompany one person throughout. Confidential "
            "topics are suitable too, with a restriction notice."
        ),
        not_fit_when_de=(
            "Das Problem ist noch offen und muss erst verstanden werden. Sie brauchen Ergebnisse "
            "in wenigen Wochen oder viele Perspektiven zugleich."
        ),
        not_fit_when_en=(
            "The problem is still open and has to be understood first. You need results within "
            "a few weeks or many perspectives at once."
        ),
        is_project_format=True,
    ),
    StarterFormat(
        slug="forschungsprojekt",
        name_de="Studentisches Forschungsprojekt",
        name_en="Student research project",
        description_de=(
            "Studierende höherer Semester erforschen eine Frage aus Ihrer Praxis in einem "
            "Forschungsseminar oder einer Lehrforschung, oft über zwei Semester. Sie entwickeln "
            "Forschungsfragen, erheben eigene Daten, etwa durch Befragungen, Zählungen oder "
            "Kartierungen, und werten sie wissenschaftlich aus. Geleitet wird das Projekt von "
            "Lehrenden mit Forschungserfahrung. Am Ende stehen ein Forschungsbericht und eine "
            "öffentliche Vorstellung der Ergebnisse, die auch veröffentlicht werden können."
        ),
        description_en=(
            "Advanced students investigate a question from your practice in a research seminar "
            "or a teaching research project, often over two semesters. They develop research "
            "questions, collect their own data, for example through surveys, counts or mapping, "
            "and analyse it scientifically. Lecturers with research experience lead the project. "
            "It ends with a research report and a public presentation of the results, which can "
            "also be published."
        ),
        duration_de="ein bis zwei Semester",
        duration_en="one to two semesters",
        participants_de="3–10 Studierende im Master oder späten Bachelor, eine Lehrperson",
        participants_en="3–10 Master's or advanced Bachelor's students, a lecturer",
        partner_effort=MEDIUM,
        partner_effort_note_de=(
            "Zugang zum Feld (Kontakte, Termine, Räume), vorhandene Daten und Rückmeldung zu "
            "Zwischenergebnissen"
        ),
        partner_effort_note_en=(
            "Access to the field (contacts, appointments, rooms), existing data and feedback on "
            "interim results"
        ),
        fits_when_de=(
            "Die Frage braucht Fachwissen und eine eigene Datenerhebung, etwa eine Befragung "
            "oder eine räumliche Analyse. Sie haben ein halbes bis ein ganzes Jahr Zeit. Die "
            "Ergebnisse dürfen wissenschaftlich veröffentlicht werden."
        ),
        fits_when_en=(
            "The question needs specialist knowledge and its own data collection, such as a "
            "survey or a spatial analysis. You have half a year to a year. The results may be "
            "published scientifically."
        ),
        not_fit_when_de=(
            "Sie brauchen schnelle, praktische Lösungen statt Erkenntnisse. Die Daten sind "
            "vertraulich und dürfen auch nicht zusammengefasst veröffentlicht werden."
        ),
        not_fit_when_en=(
            "You need quick, practical solutions rather than insights. The data is confidential "
            "and may not be published even in summary."
        ),
        is_project_format=True,
    ),
    StarterFormat(
        slug="hackathon",
        name_de="Hackathon",
        name_en="Hackathon",
        description_de=(
            "An ein bis zwei Tagen entwickeln gemischte Teams aus Studierenden und Interessierten "
            "Lösungsideen und Prototypen zu einer oder mehreren Aufgaben. Sie stellen die Aufgabe "
            "zu Beginn vor, geben Daten frei und stehen für Fragen bereit; am Ende präsentieren "
            "die Teams, und eine Jury würdigt die besten Ideen. Ein Hackathon erzeugt in kurzer "
            "Zeit viele Ideen und Aufmerksamkeit, liefert aber Prototypen statt fertiger "
            "Lösungen. Die Universität übernimmt Einladung, Ablauf und Moderation."
        ),
        description_en=(
            "Over one or two days, mixed teams of students and other interested people develop "
            "ideas and prototypes for one or more tasks. You present the task at the start, "
            "release data and answer questions; at the end the teams present and a jury honours "
            "the best ideas. A hackathon produces many ideas and attention in a short time, but "
            "prototypes rather than finished solutions. The university takes care of invitations, "
            "schedule and facilitation."
        ),
        duration_de="1–2 Tage, mit etwa 6 Wochen Vorbereitung",
        duration_en="1–2 days, with about 6 weeks of preparation",
        participants_de="20–60 Teilnehmende in Teams zu 3–5 Personen",
        participants_en="20–60 participants in teams of 3–5",
        partner_effort=MEDIUM,
        partner_effort_note_de=(
            "eine gut beschriebene Aufgabe, offene Daten oder Schnittstellen, Mentorinnen und "
            "Mentoren am Veranstaltungstag, gern Räume oder Verpflegung"
        ),
        partner_effort_note_en=(
            "a well-described task, open data or interfaces, mentors on the day of the event, "
            "ideally rooms or catering"
        ),
        fits_when_de=(
            "Sie suchen in kurzer Zeit viele Ideen oder erste Prototypen, etwa für eine App oder "
            "eine Datenauswertung. Die Daten können offen geteilt werden. Sie möchten Ihre "
            "Organisation bei Studierenden bekannt machen."
        ),
        fits_when_en=(
            "You are looking for many ideas or first prototypes in a short time, for example for "
            "an app or a data analysis. The data can be shared openly. You want students to get "
            "to know your organisation."
        ),
        not_fit_when_de=(
            "Die Aufgabe ist vertraulich oder braucht tiefes Spezialwissen. Sie erwarten eine "
            "fertige, betriebsbereite Lösung."
        ),
        not_fit_when_en=(
            "The task is confidential or needs deep specialist knowledge. You expect a finished "
            "solution ready for operation."
        ),
    ),
    StarterFormat(
        slug="reallabor",
        name_de="Reallabor",
        name_en="Real-world lab",
        description_de=(
            "Im Reallabor erproben Universität, Stadt, Unternehmen und Bürgerschaft eine Lösung "
            "unter realen Bedingungen vor Ort, zum Beispiel eine Zwischennutzung im Leerstand, "
            "einen Rufbus oder einen autofreien Platz. Die Erprobung wird wissenschaftlich "
            "begleitet: Was wirkt, was nicht, und warum? Ein Reallabor läuft über mehrere Monate "
            "bis Jahre und verbindet oft mehrere Lehrveranstaltungen, Abschlussarbeiten und "
            "Veranstaltungen. Es braucht einen Ort, Genehmigungen und einen Partner, der die "
            "Erprobung mitträgt."
        ),
        description_en=(
            "In a real-world lab, university, town, businesses and citizens test a solution "
            "under real conditions on site, for example a meanwhile use of a vacant shop, an "
            "on-demand bus or a car-free square. The trial is accompanied by research: what "
            "works, what does not, and why? A real-world lab runs for several months to years "
            "and often combines several courses, theses and events. It needs a place, permits "
            "and a partner who carries the trial."
        ),
        duration_de="6 Monate bis 2 Jahre",
        duration_en="6 months to 2 years",
        participants_de=(
            "Studierende mehrerer Fächer, Forschende, Verwaltung, Bürgerinnen und Bürger"
        ),
        participants_en="students of several subjects, researchers, administration, citizens",
        partner_effort=HIGH,
        partner_effort_note_de=(
            "einen Ort oder Gegenstand der Erprobung, Genehmigungen, eine feste Ansprechperson "
            "und oft ein eigenes Budget"
        ),
        partner_effort_note_en=(
            "a place or object of the trial, permits, a fixed contact person and often a budget "
            "of its own"
        ),
        fits_when_de=(
            "Sie wollen eine Idee vor Ort ausprobieren, bevor Sie sich festlegen. Sie haben "
            "mindestens ein halbes Jahr Zeit und einen Ort, an dem erprobt werden kann. "
            "Bürgerinnen und Bürger sollen mitmachen."
        ),
        fits_when_en=(
            "You want to try an idea on site before committing to it. You have at least half a "
            "year and a place where the trial can happen. Citizens should take part."
        ),
        not_fit_when_de=(
            "Die Ergebnisse werden kurzfristig gebraucht. Es gibt keinen Ort und keine "
            "Bereitschaft, etwas zeitweise zu verändern. Das Thema ist vertraulich."
        ),
        not_fit_when_en=(
            "The results are needed at short notice. There is no place and no willingness to "
            "change something for a while. The topic is confidential."
        ),
    ),
    StarterFormat(
        slug="zukunftswerkstatt",
        name_de="Zukunftswerkstatt",
        name_en="Future workshop",
        description_de=(
            "Eine Zukunftswerkstatt bringt Beteiligte für einen Tag oder zwei Abende zusammen, "
            "um ein offenes Problem gemeinsam zu durchdenken. Sie folgt drei Phasen: Kritik "
            "(Was stört?), Fantasie (Wie wäre es ideal?) und Umsetzung (Was tun wir als "
            "Nächstes?). Studierende und Lehrende bereiten die Werkstatt vor, moderieren sie und "
            "halten die Ergebnisse fest. Am Ende stehen ein gemeinsames Bild des Problems und "
            "Ansätze, aus denen später ein Projekt werden kann."
        ),
        description_en=(
            "A future workshop brings the people concerned together for a day or two evenings to "
            "think through an open problem together. It follows three phases: critique (what is "
            "wrong?), fantasy (what would be ideal?) and implementation (what do we do next?). "
            "Students and lecturers prepare and facilitate the workshop and document the "
            "results. It ends with a shared picture of the problem and approaches that can later "
            "become a project."
        ),
        duration_de="ein Tag oder zwei Abende, mit 4–6 Wochen Vorbereitung",
        duration_en="one day or two evenings, with 4–6 weeks of preparation",
        participants_de=(
            "15–40 Personen aus Verwaltung, Unternehmen, Vereinen und Bürgerschaft, dazu "
            "Studierende"
        ),
        participants_en=(
            "15–40 people from administration, businesses, associations and the public, plus "
            "students"
        ),
        partner_effort=LOW,
        partner_effort_note_de=(
            "die Beteiligten vor Ort einladen, einen Raum stellen, das Anliegen zu Beginn "
            "vorstellen"
        ),
        partner_effort_note_en=(
            "inviting the local people concerned, providing a room, presenting the concern at "
            "the start"
        ),
        fits_when_de=(
            "Das Problem ist noch offen, und verschiedene Sichtweisen sollen zusammenkommen. Sie "
            "möchten Beteiligte früh einbinden, bevor eine Lösung feststeht. Das Ergebnis soll "
            "eine Richtung geben, nicht schon die Lösung sein."
        ),
        fits_when_en=(
            "The problem is still open and different views should come together. You want to "
            "involve the people concerned early, before a solution is fixed. The result should "
            "give a direction, not yet the solution."
        ),
        not_fit_when_de=(
            "Die Aufgabe ist bereits klar beschrieben und braucht Bearbeitung statt Diskussion. "
            "Das Thema ist vertraulich."
        ),
        not_fit_when_en=(
            "The task is already clearly described and needs work rather than discussion. The "
            "topic is confidential."
        ),
    ),
    StarterFormat(
        slug="buergerdialog",
        name_de="Bürgerdialog",
        name_en="Citizen dialogue",
        description_de=(
            "Ein Bürgerdialog holt die Sicht der Menschen vor Ort ein: in moderierten "
            "Gesprächsrunden, an Infoständen auf dem Markt, bei Stadtteilspaziergängen oder mit "
            "Online-Befragungen. Studierende bereiten die Formate vor, führen sie mit Lehrenden "
            "durch und werten die Beiträge systematisch aus. Die Stadt erhält eine "
            "nachvollziehbare Auswertung der Anliegen, Ideen und Bedenken. Ein Bürgerdialog "
            "ersetzt keine förmliche Beteiligung nach dem Baugesetzbuch, kann sie aber gut "
            "vorbereiten."
        ),
        description_en=(
            "A citizen dialogue gathers the views of the people who live in the town: in "
            "facilitated discussion rounds, at information stands on the market square, on "
            "neighbourhood walks or through online surveys. Students prepare the formats, run "
            "them with lecturers and analyse the contributions systematically. The town receives "
            "a traceable analysis of concerns, ideas and objections. A citizen dialogue does not "
            "replace formal participation under the Federal Building Code, but it can prepare "
            "it well."
        ),
        duration_de="4–12 Wochen, je nach Zahl der Termine",
        duration_en="4–12 weeks, depending on the number of events",
        participants_de="Studierende mit einer Lehrperson, 20–200 Bürgerinnen und Bürger",
        participants_en="students with a lecturer, 20–200 citizens",
        partner_effort=MEDIUM,
        partner_effort_note_de=(
            "Rückhalt der Verwaltungsspitze, Räume oder Standorte, Bekanntmachung über die "
            "Kanäle der Stadt und die Bereitschaft, auf die Ergebnisse zu antworten"
        ),
        partner_effort_note_en=(
            "backing from the head of the administration, rooms or locations, announcements "
            "through the town's channels and the willingness to respond to the results"
        ),
        fits_when_de=(
            "Bürgerinnen und Bürger sollen mitreden, bevor entschieden wird. Sie wollen wissen, "
            "was die Menschen vor Ort bewegt. Die Stadt ist bereit, die Ergebnisse öffentlich "
            "aufzugreifen."
        ),
        fits_when_en=(
            "Citizens should have their say before a decision is made. You want to know what "
            "concerns the people in town. The town is ready to take up the results publicly."
        ),
        not_fit_when_de=(
            "Die Entscheidung ist schon gefallen, und der Dialog wäre nur Schein. Das Thema ist "
            "vertraulich oder betrifft nur ein einzelnes Unternehmen."
        ),
        not_fit_when_en=(
            "The decision has already been made and the dialogue would only be for show. The "
            "topic is confidential or concerns a single company only."
        ),
    ),
    StarterFormat(
        slug="sprechstunde",
        name_de="Expertensprechstunde",
        name_en="Expert consultation hour",
        description_de=(
            "In einer Sprechstunde beraten Sie sich mit einer Wissenschaftlerin oder einem "
            "Wissenschaftler der Universität, deren Fachgebiet zu Ihrer Frage passt. Das "
            "Gespräch dauert ein bis zwei Stunden, vor Ort oder online, und kann bei Bedarf ein "
            "zweites Mal stattfinden. Sie erhalten eine fachliche Einschätzung, Hinweise auf "
            "Studien und Methoden und oft den Kontakt für ein späteres Projekt. Die "
            "Transferstelle vermittelt die passende Person."
        ),
        description_en=(
            "In a consultation hour you talk to a researcher of the university whose field "
            "matches your question. The conversation takes one to two hours, on site or online, "
            "and can be repeated if needed. You receive a professional assessment, pointers to "
            "studies and methods and often the contact for a later project. The transfer office "
            "finds the right person."
        ),
        duration_de="1–2 Stunden, Termin meist innerhalb von 2–4 Wochen",
        duration_en="1–2 hours, usually within 2–4 weeks",
        participants_de="1–2 Forschende und Ihre Fachleute",
        participants_en="1–2 researchers and your specialists",
        partner_effort=LOW,
        partner_effort_note_de=("eine kurze Beschreibung der Frage vorab und ein bis zwei Stunden"),
        partner_effort_note_en=(
            "a short description of the question beforehand and one to two hours"
        ),
        fits_when_de=(
            "Sie haben eine konkrete fachliche Frage und brauchen schnell eine Einschätzung. Sie "
            "wollen wissen, ob sich ein größeres Projekt lohnt. Das Thema ist vertraulich und "
            "soll im kleinen Kreis besprochen werden."
        ),
        fits_when_en=(
            "You have a specific professional question and need an assessment quickly. You want "
            "to know whether a larger project is worthwhile. The topic is confidential and "
            "should be discussed in a small circle."
        ),
        not_fit_when_de=(
            "Die Aufgabe verlangt viel Arbeit, etwa eine Erhebung oder einen Prototyp. Sie "
            "suchen Studierende, die mitarbeiten."
        ),
        not_fit_when_en=(
            "The task calls for a lot of work, such as a survey or a prototype. You are looking "
            "for students to work with you."
        ),
    ),
    StarterFormat(
        slug="design-thinking",
        name_de="Design-Thinking-Workshop",
        name_en="Design-thinking workshop",
        description_de=(
            "Ein Design-Thinking-Workshop führt ein gemischtes Team in ein bis drei Tagen vom "
            "Verstehen eines Problems zu ersten erprobten Ideen. Die Teams beobachten und "
            "befragen Betroffene, halten fest, was diese wirklich brauchen, sammeln Ideen und "
            "bauen einfache Prototypen, die sie gleich ausprobieren. Moderiert wird von "
            "geschulten Lehrenden oder Studierenden. Die Methode eignet sich besonders, wenn ein "
            "Angebot oder eine Dienstleistung aus Sicht der Nutzenden neu gedacht werden soll."
        ),
        description_en=(
            "A design-thinking workshop takes a mixed team in one to three days from "
            "understanding a problem to first tested ideas. The teams observe and interview "
            "the people affected, capture what they really need, collect ideas and build simple "
            "prototypes that they try out straight away. Trained lecturers or students "
            "facilitate. The method suits best when a service or offer is to be rethought from "
            "the users' point of view."
        ),
        duration_de="1–3 Tage, am Stück oder verteilt über einige Wochen",
        duration_en="1–3 days, in one go or spread over a few weeks",
        participants_de=(
            "8–25 Personen: Studierende, Mitarbeitende des Partners, möglichst auch Nutzende"
        ),
        participants_en="8–25 people: students, the partner's staff and, ideally, users",
        partner_effort=MEDIUM,
        partner_effort_note_de=(
            "Mitarbeitende, die mitmachen, Zugang zu Nutzenden für Interviews und Tests, einen Raum"
        ),
        partner_effort_note_en=(
            "staff who take part, access to users for interviews and tests, a room"
        ),
        fits_when_de=(
            "Das Problem ist noch unscharf und betrifft Menschen, die etwas nutzen: ein "
            "Verwaltungsangebot, einen Laden, eine Website. Sie möchten Ihr eigenes Team "
            "einbeziehen und neue Arbeitsweisen kennenlernen."
        ),
        fits_when_en=(
            "The problem is still fuzzy and concerns people who use something: an "
            "administrative service, a shop, a website. You want to involve your own team and "
            "get to know new ways of working."
        ),
        not_fit_when_de=(
            "Die Aufgabe ist technisch klar und verlangt vor allem Fachwissen. Sie brauchen eine "
            "ausgearbeitete Lösung statt Prototypen."
        ),
        not_fit_when_en=(
            "The task is technically clear and mainly calls for specialist knowledge. You need "
            "a worked-out solution rather than prototypes."
        ),
    ),
    StarterFormat(
        slug="exkursion",
        name_de="Exkursion",
        name_en="Excursion",
        description_de=(
            "Eine Seminargruppe besucht Ihre Stadt oder Ihren Betrieb für einen halben oder "
            "ganzen Tag, manchmal für mehrere Tage. Sie zeigen Orte, Abläufe und "
            "Herausforderungen; die Studierenden fragen nach, beobachten und halten ihre "
            "Eindrücke fest. Eine Exkursion ist ein niedrigschwelliger Einstieg: Beide Seiten "
            "lernen sich kennen, und aus dem Besuch entstehen oft Themen für Praxisprojekte und "
            "Abschlussarbeiten. Manche Gruppen stellen ihre Eindrücke zum Schluss kurz vor."
        ),
        description_en=(
            "A seminar group visits your town or business for half a day or a full day, "
            "sometimes for several days. You show places, processes and challenges; the "
            "students ask questions, observe and record their impressions. An excursion is an "
            "easy way in: both sides get to know each other, and visits often lead to topics for "
            "practice projects and theses. Some groups briefly present their impressions at the "
            "end."
        ),
        duration_de="ein halber bis drei Tage, meist in der Vorlesungszeit",
        duration_en="half a day to three days, usually during the teaching period",
        participants_de="10–30 Studierende mit einer Lehrperson",
        participants_en="10–30 students with a lecturer",
        partner_effort=LOW,
        partner_effort_note_de=(
            "eine Führung oder einen kurzen Vortrag, einen Raum für ein Gespräch, gern eine "
            "Ansprechperson für Fragen danach"
        ),
        partner_effort_note_en=(
            "a guided tour or a short talk, a room for a conversation, ideally a contact person "
            "for later questions"
        ),
        fits_when_de=(
            "Sie möchten Ihre Stadt oder Ihren Betrieb bei Studierenden bekannt machen und erste "
            "Kontakte knüpfen. Die Frage ist noch allgemein, und ein Blick von außen hilft. Der "
            "Aufwand soll gering bleiben."
        ),
        fits_when_en=(
            "You want students to get to know your town or business and make first contacts. "
            "The question is still general and an outside view helps. The effort should stay "
            "small."
        ),
        not_fit_when_de=(
            "Sie erwarten ein ausgearbeitetes Ergebnis. Orte oder Abläufe dürfen nicht gezeigt "
            "werden."
        ),
        not_fit_when_en=(
            "You expect a worked-out result. Places or processes may not be shown to visitors."
        ),
    ),
    StarterFormat(
        slug="praktikum",
        name_de="Praktikum oder Werkstudierendenstelle",
        name_en="Internship or working-student job",
        description_de=(
            "Eine Studentin oder ein Student arbeitet einige Wochen oder Monate bei Ihnen mit: "
            "im Pflichtpraktikum des Studiums, in einem freiwilligen Praktikum oder als "
            "Werkstudierende neben dem Studium. Die Person bearbeitet eine abgegrenzte Aufgabe "
            "im Alltag Ihrer Organisation und bringt aktuelles Wissen aus dem Studium mit. Den "
            "Vertrag schließen Sie direkt mit ihr; für Pflichtpraktika gibt die Studienordnung "
            "Dauer und Inhalte vor. Ein Praktikum ist oft der erste Schritt, Fachkräfte für die "
            "Region zu gewinnen."
        ),
        description_en=(
            "A student works with you for some weeks or months: in a compulsory internship of "
            "the degree programme, in a voluntary internship or as a working student alongside "
            "their studies. The student takes on a defined task in the everyday work of your "
            "organisation and brings current knowledge from their studies. You sign the contract "
            "directly with the student; for compulsory internships the study regulations set "
            "the length and content. An internship is often the first step to winning skilled "
            "workers for the region."
        ),
        duration_de=(
            "6 Wochen bis 6 Monate; Werkstudierende bis 20 Stunden pro Woche in der Vorlesungszeit"
        ),
        duration_en="6 weeks to 6 months; working students up to 20 hours a week during term",
        participants_de="1–2 Studierende",
        participants_en="1–2 students",
        partner_effort=HIGH,
        partner_effort_note_de=(
            "einen Arbeitsplatz, eine feste Betreuungsperson und eine Vergütung (bei "
            "freiwilligen Praktika über drei Monaten mindestens der Mindestlohn)"
        ),
        partner_effort_note_en=(
            "a workplace, a fixed supervisor and pay (at least the minimum wage for voluntary "
            "internships longer than three months)"
        ),
        fits_when_de=(
            "Die Aufgabe ist klar und fällt laufend an, etwa Datenpflege, Social Media oder eine "
            "Auswertung. Sie können eine Person anleiten und bezahlen. Sie suchen künftige "
            "Fachkräfte."
        ),
        fits_when_en=(
            "The task is clear and recurs, such as maintaining data, social media or an "
            "analysis. You can guide and pay a person. You are looking for future skilled "
            "workers."
        ),
        not_fit_when_de=(
            "Die Aufgabe ist offen und braucht erst einen gemeinsamen Blick. Niemand hat Zeit, "
            "die Person anzuleiten."
        ),
        not_fit_when_en=(
            "The task is open and first needs a shared look. Nobody has time to guide the person."
        ),
    ),
    StarterFormat(
        slug="innovationswettbewerb",
        name_de="Innovationswettbewerb",
        name_en="Innovation competition",
        description_de=(
            "In einem Innovationswettbewerb schreiben Sie Ihre Herausforderung öffentlich aus, "
            "und Teams von Studierenden reichen über einige Wochen Lösungsvorschläge ein. Eine "
            "Jury aus Partner und Universität bewertet die Einreichungen nach vorher bekannten "
            "Kriterien; die besten erhalten Preise, etwa Preisgeld, ein Praktikum oder "
            "Unterstützung bei der Umsetzung. Wettbewerbe erreichen viele Studierende "
            "verschiedener Fächer und machen Ihre Organisation sichtbar. Die Rechte an den Ideen "
            "regeln die Teilnahmebedingungen vorab."
        ),
        description_en=(
            "In an innovation competition you announce your challenge publicly, and teams of "
            "students submit proposals over several weeks. A jury of partner and university "
            "assesses the entries against criteria known in advance; the best receive prizes, "
            "such as prize money, an internship or support with implementation. Competitions "
            "reach many students of different subjects and make your organisation visible. The "
            "rights to the ideas are settled in advance in the terms of participation."
        ),
        duration_de="6–12 Wochen Einreichungsphase, dazu Ausschreibung und Preisverleihung",
        duration_en="6–12 weeks for submissions, plus the call and the award ceremony",
        participants_de="5–20 Teams zu 2–5 Studierenden, eine Jury",
        participants_en="5–20 teams of 2–5 students, a jury",
        partner_effort=MEDIUM,
        partner_effort_note_de=(
            "eine öffentliche Aufgabenbeschreibung, Preise (Geld oder Sachpreise), Mitarbeit in "
            "der Jury, Antworten auf Rückfragen"
        ),
        partner_effort_note_en=(
            "a public description of the task, prizes (money or in kind), a seat on the jury, "
            "answers to questions"
        ),
        fits_when_de=(
            "Sie möchten viele verschiedene Lösungsideen vergleichen und Ihre Organisation "
            "bekannt machen. Die Aufgabe kann öffentlich beschrieben werden. Sie können Preise "
            "stiften."
        ),
        fits_when_en=(
            "You want to compare many different ideas and make your organisation known. The "
            "task can be described publicly. You can donate prizes."
        ),
        not_fit_when_de=(
            "Die Aufgabe ist vertraulich. Sie brauchen eine einzige, eng mit Ihnen abgestimmte "
            "Lösung oder Ergebnisse in wenigen Wochen."
        ),
        not_fit_when_en=(
            "The task is confidential. You need a single solution closely agreed with you, or "
            "results within a few weeks."
        ),
    ),
)


def _rule(
    attribute: str, value: str, format_slug: str, weight: int, reason_de: str, reason_en: str
) -> StarterRule:
    return StarterRule(attribute, value, format_slug, weight, reason_de, reason_en)


DEFAULT_RULES: tuple[StarterRule, ...] = (
    # timeframe: from today (or the earliest start) to the deadline
    _rule("timeframe", "short", "sprechstunde", 3,
          "kurzer Zeitrahmen → Sprechstunde oder Hackathon",
          "short timeframe → consultation hour or hackathon"),
    _rule("timeframe", "short", "hackathon", 3,
          "kurzer Zeitrahmen → Sprechstunde oder Hackathon",
          "short timeframe → consultation hour or hackathon"),
    _rule("timeframe", "short", "exkursion", 1,
          "kurzer Zeitrahmen → ein Besuch lässt sich schnell einrichten",
          "short timeframe → a visit can be arranged quickly"),
    _rule("timeframe", "short", "praxisprojekt", -3,
          "kurzer Zeitrahmen: ein Praxisprojekt braucht ein Semester",
          "short timeframe: a practice project needs a semester"),
    _rule("timeframe", "short", "abschlussarbeit", -3,
          "kurzer Zeitrahmen: eine Abschlussarbeit braucht mit Anmeldung mehrere Monate",
          "short timeframe: a thesis needs several months including registration"),
    _rule("timeframe", "short", "forschungsprojekt", -3,
          "kurzer Zeitrahmen: Forschung braucht mindestens ein Semester",
          "short timeframe: research needs at least a semester"),
    _rule("timeframe", "short", "reallabor", -4,
          "kurzer Zeitrahmen: ein Reallabor läuft über viele Monate",
          "short timeframe: a real-world lab runs for many months"),
    _rule("timeframe", "short", "innovationswettbewerb", -2,
          "kurzer Zeitrahmen: Ausschreibung und Einreichung brauchen zwei bis drei Monate",
          "short timeframe: the call and the submissions take two to three months"),
    _rule("timeframe", "medium", "praxisprojekt", 3,
          "drei bis sechs Monate → passt zu einem Semester im Praxisprojekt",
          "three to six months → fits one semester of a practice project"),
    _rule("timeframe", "medium", "innovationswettbewerb", 2,
          "drei bis sechs Monate → Zeit für Ausschreibung, Einreichung und Jury",
          "three to six months → time for the call, the submissions and the jury"),
    _rule("timeframe", "medium", "abschlussarbeit", 1,
          "drei bis sechs Monate → reicht für eine Bachelorarbeit",
          "three to six months → enough for a Bachelor's thesis"),
    _rule("timeframe", "medium", "praktikum", 1,
          "drei bis sechs Monate → übliche Dauer eines Praktikums",
          "three to six months → the usual length of an internship"),
    _rule("timeframe", "long", "reallabor", 3,
          "langer Zeitrahmen → Zeit, eine Lösung vor Ort zu erproben",
          "long timeframe → time to test a solution on site"),
    _rule("timeframe", "long", "abschlussarbeit", 2,
          "langer Zeitrahmen → Zeit für eine Masterarbeit",
          "long timeframe → time for a Master's thesis"),
    _rule("timeframe", "long", "forschungsprojekt", 2,
          "langer Zeitrahmen → Zeit für ein Forschungsprojekt über zwei Semester",
          "long timeframe → time for a research project over two semesters"),
    _rule("timeframe", "long", "praxisprojekt", 1,
          "langer Zeitrahmen → ein Praxisprojekt passt in das nächste Semester",
          "long timeframe → a practice project fits into the next semester"),
    # definition: how well the problem is defined
    _rule("definition", "clear", "praxisprojekt", 2,
          "klar beschriebene Aufgabe → Studierende können gleich loslegen",
          "clearly defined task → students can start right away"),
    _rule("definition", "clear", "praktikum", 2,
          "klar beschriebene Aufgabe → lässt sich im Praktikum bearbeiten",
          "clearly defined task → can be done in an internship"),
    _rule("definition", "clear", "abschlussarbeit", 2,
          "klare Fragestellung → lässt sich als Thema einer Abschlussarbeit fassen",
          "clear question → can be framed as the topic of a thesis"),
    _rule("definition", "clear", "innovationswettbewerb", 1,
          "klare Aufgabe → Einreichungen lassen sich gut vergleichen",
          "clear task → the entries can be compared well"),
    _rule("definition", "clear", "zukunftswerkstatt", -2,
          "Aufgabe schon klar: eine Zukunftswerkstatt sucht erst nach der Frage",
          "task already clear: a future workshop is for finding the question"),
    _rule("definition", "partly", "forschungsprojekt", 2,
          "Richtung klar, Einzelheiten offen → die Forschung schärft die Frage",
          "direction clear, details open → the research sharpens the question"),
    _rule("definition", "partly", "praxisprojekt", 1,
          "Richtung klar → die Studierenden präzisieren die Aufgabe zu Beginn",
          "direction clear → the students refine the task at the start"),
    _rule("definition", "partly", "hackathon", 1,
          "Richtung klar → Teams probieren verschiedene Lösungswege aus",
          "direction clear → teams try out different approaches"),
    _rule("definition", "partly", "design-thinking", 1,
          "Richtung klar, Einzelheiten offen → Design Thinking schärft die Frage mit Nutzenden",
          "direction clear, details open → design thinking sharpens the question with users"),
    _rule("definition", "open", "zukunftswerkstatt", 3,
          "offenes Problem → in der Zukunftswerkstatt gemeinsam verstehen",
          "open problem → understand it together in a future workshop"),
    _rule("definition", "open", "design-thinking", 2,
          "offenes Problem → Design Thinking beginnt beim Verstehen",
          "open problem → design thinking starts with understanding"),
    _rule("definition", "open", "sprechstunde", 1,
          "offenes Problem → eine Fachperson hilft, die Frage zu schärfen",
          "open problem → an expert helps to sharpen the question"),
    _rule("definition", "open", "exkursion", 1,
          "offenes Problem → ein Blick von außen bei einem Besuch",
          "open problem → an outside view during a visit"),
    _rule("definition", "open", "abschlussarbeit", -2,
          "offenes Problem: eine Abschlussarbeit braucht vorher eine klare Frage",
          "open problem: a thesis needs a clear question beforehand"),
    _rule("definition", "open", "hackathon", -1,
          "offenes Problem: ein Hackathon braucht eine greifbare Aufgabe",
          "open problem: a hackathon needs a tangible task"),
    _rule("definition", "open", "praktikum", -2,
          "offenes Problem: ein Praktikum braucht eine klare Aufgabe",
          "open problem: an internship needs a clear task"),
    # citizens: citizens should be involved
    _rule("citizens", "yes", "buergerdialog", 4,
          "Bürgerinnen und Bürger sollen mitwirken → Bürgerdialog",
          "citizens should take part → citizen dialogue"),
    _rule("citizens", "yes", "reallabor", 2,
          "Bürgerbeteiligung → Bürgerinnen und Bürger erproben im Reallabor mit",
          "citizen involvement → citizens take part in the trial of a real-world lab"),
    _rule("citizens", "yes", "zukunftswerkstatt", 2,
          "Bürgerbeteiligung → Bürgerinnen und Bürger denken in der Werkstatt mit",
          "citizen involvement → citizens think along in the workshop"),
    _rule("citizens", "yes", "forschungsprojekt", 1,
          "Bürgerbeteiligung → eine Befragung als Teil eines Forschungsprojekts",
          "citizen involvement → a survey as part of a research project"),
    _rule("citizens", "no", "buergerdialog", -3,
          "keine Bürgerbeteiligung gewünscht: ein Bürgerdialog passt dann nicht",
          "no citizen involvement wanted: a citizen dialogue does not fit then"),
    # depth: how much specialist knowledge it needs
    _rule("depth", "high", "abschlussarbeit", 3,
          "viel Fachwissen nötig → gründliche Arbeit in einer Abschlussarbeit",
          "much specialist knowledge needed → thorough work in a thesis"),
    _rule("depth", "high", "forschungsprojekt", 3,
          "viel Fachwissen nötig → wissenschaftliche Methoden im Forschungsprojekt",
          "much specialist knowledge needed → scientific methods in a research project"),
    _rule("depth", "high", "sprechstunde", 2,
          "viel Fachwissen nötig → Rat von Forschenden in der Sprechstunde",
          "much specialist knowledge needed → advice from researchers in a consultation hour"),
    _rule("depth", "high", "hackathon", -2,
          "viel Fachwissen nötig: in ein, zwei Tagen kaum zu leisten",
          "much specialist knowledge needed: hardly possible in one or two days"),
    _rule("depth", "high", "exkursion", -1,
          "viel Fachwissen nötig: ein Besuch bleibt an der Oberfläche",
          "much specialist knowledge needed: a visit stays on the surface"),
    _rule("depth", "medium", "praxisprojekt", 2,
          "Methoden eines Fachs gefragt → Studierende wenden sie im Praxisprojekt an",
          "methods of a field needed → students apply them in a practice project"),
    _rule("depth", "medium", "praktikum", 1,
          "Methoden eines Fachs gefragt → Studierende bringen sie ins Praktikum mit",
          "methods of a field needed → students bring them to an internship"),
    _rule("depth", "low", "hackathon", 2,
          "wenig Fachwissen nötig → gute Ideen im Hackathon",
          "little specialist knowledge needed → good ideas in a hackathon"),
    _rule("depth", "low", "exkursion", 1,
          "wenig Fachwissen nötig → Eindrücke und Ideen bei einer Exkursion",
          "little specialist knowledge needed → impressions and ideas on an excursion"),
    _rule("depth", "low", "innovationswettbewerb", 1,
          "wenig Fachwissen nötig → Studierende aller Fächer können mitmachen",
          "little specialist knowledge needed → students of all subjects can take part"),
    _rule("depth", "low", "design-thinking", 1,
          "wenig Fachwissen nötig → Design Thinking lebt vom Blick der Nutzenden",
          "little specialist knowledge needed → design thinking draws on the users' view"),
    _rule("depth", "low", "abschlussarbeit", -2,
          "wenig Fachwissen nötig: einer Abschlussarbeit fehlt die wissenschaftliche Frage",
          "little specialist knowledge needed: a thesis would lack a scientific question"),
    _rule("depth", "low", "forschungsprojekt", -2,
          "wenig Fachwissen nötig: einem Forschungsprojekt fehlt die Forschungsfrage",
          "little specialist knowledge needed: a research project would lack a research question"),
    # team_size: how many people should work on it
    _rule("team_size", "small", "abschlussarbeit", 2,
          "ein bis zwei Personen → Abschlussarbeit",
          "one or two people → thesis"),
    _rule("team_size", "small", "praktikum", 2,
          "ein bis zwei Personen → Praktikum oder Werkstudierendenstelle",
          "one or two people → internship or working-student job"),
    _rule("team_size", "small", "sprechstunde", 1,
          "kleiner Kreis → Sprechstunde",
          "small circle → consultation hour"),
    _rule("team_size", "small", "hackathon", -2,
          "ein bis zwei Personen: ein Hackathon lebt von vielen Teams",
          "one or two people: a hackathon thrives on many teams"),
    _rule("team_size", "medium", "forschungsprojekt", 2,
          "drei bis sechs Personen → übliche Gruppe eines Forschungsprojekts",
          "three to six people → the usual group of a research project"),
    _rule("team_size", "medium", "praxisprojekt", 1,
          "drei bis sechs Personen → eine Projektgruppe im Seminar",
          "three to six people → a project group in a seminar"),
    _rule("team_size", "medium", "design-thinking", 1,
          "drei bis sechs Personen → ein Design-Thinking-Team",
          "three to six people → a design-thinking team"),
    _rule("team_size", "large", "hackathon", 2,
          "sieben oder mehr Personen → viele Teams im Hackathon",
          "seven or more people → many teams in a hackathon"),
    _rule("team_size", "large", "praxisprojekt", 2,
          "sieben oder mehr Personen → eine ganze Seminargruppe",
          "seven or more people → a whole seminar group"),
    _rule("team_size", "large", "innovationswettbewerb", 2,
          "sieben oder mehr Personen → viele Teams im Wettbewerb",
          "seven or more people → many teams in a competition"),
    _rule("team_size", "large", "exkursion", 1,
          "sieben oder mehr Personen → eine Seminargruppe auf Exkursion",
          "seven or more people → a seminar group on an excursion"),
    _rule("team_size", "large", "abschlussarbeit", -2,
          "sieben oder mehr Personen: eine Abschlussarbeit schreibt eine Person",
          "seven or more people: a thesis is written by one person"),
    _rule("team_size", "large", "praktikum", -2,
          "sieben oder mehr Personen: ein Praktikum ist für eine Person",
          "seven or more people: an internship is for one person"),
    # confidentiality
    _rule("confidentiality", "public", "innovationswettbewerb", 1,
          "öffentliche Aufgabe → kann ausgeschrieben werden",
          "public task → can be announced publicly"),
    _rule("confidentiality", "public", "hackathon", 1,
          "öffentliche Aufgabe → Daten lassen sich im Hackathon teilen",
          "public task → data can be shared in a hackathon"),
    _rule("confidentiality", "public", "forschungsprojekt", 1,
          "öffentliche Aufgabe → Forschungsergebnisse dürfen veröffentlicht werden",
          "public task → research results may be published"),
    _rule("confidentiality", "summary", "abschlussarbeit", 1,
          "nur eine Zusammenfassung öffentlich → Abschlussarbeit mit Sperrvermerk möglich",
          "only a summary is public → thesis with a restriction notice possible"),
    _rule("confidentiality", "summary", "hackathon", -1,
          "nur eine Zusammenfassung öffentlich: Daten lassen sich schwer teilen",
          "only a summary is public: data is hard to share"),
    _rule("confidentiality", "summary", "innovationswettbewerb", -1,
          "nur eine Zusammenfassung öffentlich: die Ausschreibung bliebe vage",
          "only a summary is public: the call would stay vague"),
    _rule("confidentiality", "confidential", "sprechstunde", 2,
          "vertraulich → Beratung im kleinen Kreis",
          "confidential → advice in a small circle"),
    _rule("confidentiality", "confidential", "abschlussarbeit", 1,
          "vertraulich → Abschlussarbeit mit Geheimhaltungsvereinbarung und Sperrvermerk",
          "confidential → thesis with a non-disclosure agreement and a restriction notice"),
    _rule("confidentiality", "confidential", "praktikum", 1,
          "vertraulich → Praktikum mit Verschwiegenheitspflicht im Vertrag",
          "confidential → internship with a confidentiality clause in the contract"),
    _rule("confidentiality", "confidential", "forschungsprojekt", -1,
          "vertraulich: Forschungsergebnisse sollen veröffentlicht werden",
          "confidential: research results are meant to be published"),
    _rule("confidentiality", "confidential", "zukunftswerkstatt", -2,
          "vertraulich: eine Werkstatt mit vielen Beteiligten bleibt nicht vertraulich",
          "confidential: a workshop with many participants does not stay confidential"),
    _rule("confidentiality", "confidential", "reallabor", -2,
          "vertraulich: ein Reallabor findet in der Öffentlichkeit statt",
          "confidential: a real-world lab takes place in public"),
    _rule("confidentiality", "confidential", "hackathon", -3,
          "vertraulich: ein Hackathon ist öffentlich",
          "confidential: a hackathon is public"),
    _rule("confidentiality", "confidential", "innovationswettbewerb", -3,
          "vertraulich: ein Wettbewerb wird öffentlich ausgeschrieben",
          "confidential: a competition is announced publicly"),
    _rule("confidentiality", "confidential", "buergerdialog", -4,
          "vertraulich: ein Bürgerdialog ist öffentlich",
          "confidential: a citizen dialogue is public"),
)  # fmt: skip
