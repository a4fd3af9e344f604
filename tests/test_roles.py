"""The one role guesser (netui.roles.infer_role), over a table of real job titles."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from netui.app import make_app
from netui.enums import Role
from netui.quickadd import parse_quick_add
from netui.roles import infer_role
from netui.screens.person_form import PersonFormScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY

R, EM, F, E, OT, N, U = (
    Role.recruiter, Role.engineering_manager, Role.founder_cto, Role.engineer,
    Role.other_tech, Role.non_tech, Role.unknown,
)  # fmt: skip

TITLES: list[tuple[str, Role]] = [
    # recruiters, sourcers, talent partners (an "engineering" recruiter is a recruiter)
    ("Senior Engineering Recruiter", R),
    ("Senior Technical Recruiter", R),
    ("Technical Recruiter", R),
    ("Recruiting Manager", R),
    ("Recruiting Coordinator", R),
    ("Talent Partner", R),
    ("Talent Acquisition Partner, Engineering", R),
    ("Head of Talent", R),
    ("Technical Sourcer", R),
    ("Sourcing Specialist", R),
    ("Recruitment Consultant", R),
    ("Engineering Recruiting Lead", R),
    ("Founding Recruiter", R),
    # engineering managers and engineering leadership
    ("Engineering Manager", EM),
    ("Engineering Manager, Payments", EM),
    ("Senior Engineering Manager - Infrastructure", EM),
    ("EM, Growth", EM),
    ("Software Development Manager", EM),
    ("Manager, Software Engineering", EM),
    ("Director of Engineering", EM),
    ("Director, Software Engineering", EM),
    ("Engineering Director", EM),
    ("VP Engineering", EM),
    ("VP, Engineering", EM),
    ("Vice President of Engineering", EM),
    ("SVP Engineering", EM),
    ("Head of Engineering", EM),
    ("Head of Platform Engineering", EM),
    ("Head of Data Science", EM),
    ("Tech Lead Manager", EM),
    ("Team Lead, Backend", EM),
    ("Engineering Lead", EM),
    # engineers: levels, specialities, SRE, data and ML
    ("Software Engineer", E),
    ("Software Engineer II", E),
    ("SWE III", E),
    ("SDE-2", E),
    ("Senior Software Engineer", E),
    ("Staff Software Engineer", E),
    ("Principal Engineer", E),
    ("Distinguished Engineer", E),
    ("Founding Engineer", E),
    ("Tech Lead", E),
    ("Site Reliability Engineer", E),
    ("SRE", E),
    ("DevOps Engineer", E),
    ("Platform Engineer", E),
    ("Security Engineer", E),
    ("Frontend Developer", E),
    ("Full Stack Developer", E),
    ("iOS Developer", E),
    ("Data Engineer", E),
    ("Data Scientist", E),
    ("Machine Learning Engineer", E),
    ("ML Engineer", E),
    ("Research Scientist", E),
    ("Applied Scientist", E),
    ("Member of Technical Staff", E),
    ("Software Architect", E),
    ("Solutions Architect", E),
    ("SDET", E),
    # founders, CTOs, CEOs
    ("CTO", F),
    ("Co-founder & CTO", F),
    ("Cofounder", F),
    ("Founder", F),
    ("Founder & CEO", F),
    ("Chief Technology Officer", F),
    ("CEO", F),
    # other tech: product, design, program, sales, support
    ("Product Manager", OT),
    ("Senior Product Manager", OT),
    ("Product Manager, Engineering Platform", OT),
    ("Technical Program Manager", OT),
    ("Engineering Program Manager", OT),
    ("Product Owner", OT),
    ("Product Designer", OT),
    ("UX Designer", OT),
    ("UX Researcher", OT),
    ("Data Analyst", OT),
    ("Account Executive", OT),
    ("Sales Engineer", OT),
    ("Solutions Engineer", OT),
    ("Customer Success Manager", OT),
    ("Marketing Manager", OT),
    ("HR Business Partner", OT),
    ("Director of Product", OT),
    ("VP Sales", OT),
    ("Executive Assistant to the CTO", OT),
    ("Chief of Staff", OT),
    # not in tech
    ("Teacher", N),
    ("Registered Nurse", N),
    ("Civil Engineer", N),
    ("Mechanical Engineer", N),
    ("Attorney", N),
    ("Barista", N),
    # nothing to go on
    ("", U),
    ("   ", U),
    ("Owner", U),
    ("Self-employed", U),
    # Spanish, Portuguese, French, German, Italian, Dutch, Russian, Japanese, Chinese
    ("Ingeniero de Software", E),
    ("Ingeniera de software senior", E),
    ("Desarrollador Backend", E),
    ("Gerente de Ingeniería", EM),
    ("Directora de Ingeniería", EM),
    ("Reclutadora IT", R),
    ("Fundador y CEO", F),
    ("Diseñadora UX", OT),
    ("Gerente de Producto", OT),
    ("Engenheiro de Software", E),
    ("Desenvolvedora Full Stack", E),
    ("Gerente de Engenharia", EM),
    ("Recrutadora Tech", R),
    ("Ingénieur logiciel", E),
    ("Développeuse Full Stack", E),
    ("Chargée de recrutement", R),
    ("Directeur technique", F),
    ("Directrice de l'ingénierie", EM),
    ("Cofondatrice", F),
    ("Chef de produit", OT),
    ("Softwareentwickler", E),
    ("Softwareentwicklerin", E),
    ("Leiter Softwareentwicklung", EM),
    ("Teamleiterin Backend", EM),
    ("Recruiterin", R),
    ("Mitgründer", F),
    ("Produktmanager", OT),
    ("Sviluppatore software", E),
    ("Fondatore", F),
    ("Softwareontwikkelaar", E),
    ("Разработчик", E),
    ("Рекрутер", R),
    ("Руководитель разработки", EM),
    ("ソフトウェアエンジニア", E),
    ("エンジニアリングマネージャー", EM),
    ("採用担当", R),
    ("软件工程师", E),
    ("招聘经理", R),
    ("创始人", F),
]


@pytest.mark.parametrize(("title", "role"), TITLES, ids=[t or "(empty)" for t, _ in TITLES])
def test_role_from_title(title: str, role: Role) -> None:
    assert infer_role(title) is role


def test_the_table_is_big_and_varied() -> None:
    assert len(TITLES) >= 60
    assert {role for _, role in TITLES} == set(Role)
    assert sum(not title.isascii() for title, _ in TITLES) >= 10


@pytest.mark.parametrize(
    ("title", "role"),
    [("Senior Engineering Recruiter", R), ("Engineering Manager, Payments", EM),
     ("VP Engineering", EM), ("Technical Program Manager", OT)],
)  # fmt: skip
def test_quick_add_guesses_with_the_same_rules(title: str, role: Role) -> None:
    parsed = parse_quick_add(f"Jo Park @ Datadog, {title}")
    assert parsed.fields["title"] == title
    assert parsed.fields["role"] == role.value


async def _type_title(store: Store, settings: Settings, title: str, person_id: int | None) -> str:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await app.push_screen(PersonFormScreen(person_id))
        await pilot.pause()
        app.screen.query_one("#f-title", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *title)  # typed key by key, as a user does
        await pilot.pause()
        return str(app.screen.query_one("#f-role", Select).value)


@pytest.mark.parametrize(
    ("title", "role"),
    [("Senior Engineering Recruiter", R), ("Engineering Manager, Payments", EM),
     ("VP Engineering", EM)],
)  # fmt: skip
async def test_the_form_guesses_from_the_whole_title(
    store: Store, settings: Settings, title: str, role: Role
) -> None:
    assert await _type_title(store, settings, title, None) == role.value


async def test_the_form_keeps_a_role_the_user_chose(store: Store, settings: Settings) -> None:
    chosen = store.add_person("Kim Lee", title="", role="recruiter")
    assert await _type_title(store, settings, "Staff Engineer", chosen) == "recruiter"
    guessed = store.add_person("Max Roe", title="Software Engineer", role="engineer")
    assert await _type_title(store, settings, "Engineering Manager", guessed) == EM.value
