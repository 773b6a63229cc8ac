"""The demo's content as data: plain tables of small frozen records, no database access.

`organisations`, `people`, `challenges`, `rounds` and `recommendations` hold what the demo
contains; the loaders in `transferraum.demo` (`services.demo_load`, `rounds.demo_rounds_load`,
`recommendations.demo_recommendations_load`) write it. docs/demo-data.md describes it for people.
Every person, company and e-mail address here is invented; all addresses use `.example` domains.
"""
