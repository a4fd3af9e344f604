"""Guess a person's role from a job title (pure): the one guesser behind the Add/Edit form,
quick add, `netui add` and every importer.

A title is folded (lower case, accents stripped) and checked against the rules below in
order; the first rule that matches wins. The order is what makes the guess right:
"Senior Engineering Recruiter" is a recruiter (not an engineer), "Engineering Manager,
Payments" an engineering manager, "Product Manager, Engineering" other tech, "VP
Engineering" an engineering manager (leadership), "Founding Engineer" an engineer.
Titles in Spanish, Portuguese, French, German, Italian, Dutch, Russian, Japanese and
Chinese are covered for the common roles. tests/test_roles.py holds the table.
"""

from __future__ import annotations

import re
from functools import cache

from netui.enums import Role
from netui.names import fold


def _rule(role: Role, *patterns: str) -> tuple[Role, tuple[str, ...]]:
    return role, patterns


# Words a title uses for software work, in the languages covered (folded).
_SOFTWARE = r"(?:software|engineering|eng|development|dev|r&d|technology|tech|platform|" \
    r"infrastructure|data science|machine learning|ml|ai|data)"  # fmt: skip

_RULES: list[tuple[Role, tuple[str, ...]]] = [
    # Someone's assistant or chief of staff is not the person they assist.
    _rule(
        Role.other_tech,
        r"\b(executive|personal|administrative) assistant\b",
        r"\bchief of staff\b",
        r"\bassistant to\b",
    ),
    _rule(
        Role.founder_cto,
        r"\bcto\b",
        r"\bchief (technology|technical) officer\b",
        r"\bceo\b",
        r"\bchief executive\b",
        r"\b(co-?|co )?founders?\b",
        r"\bcofounder",
        r"\bfundador",
        r"fondat(eur|rice|ore)",
        r"grunder(in)?\b",
        r"\boprichter",
        r"\bdirect(eur|rice) technique\b",
        r"\bdirector de tecnologia\b",
        r"основател",
        r"創業者",
        r"创始人",
        r"联合创始人",
        r"首席技术官",
        r"代表取締役",
    ),
    _rule(
        Role.recruiter,
        r"\b(recruit|recrut|reclut|rekrut)\w*",
        r"\btalent\b",
        r"\bsourc(er|ing)\b",
        r"\bhead ?hunter",
        r"\bpersonalberater",
        r"\bseleccion de personal\b",
        r"\bselezione del personale\b",
        r"рекрут",
        r"リクルーター",
        r"採用",
        r"招聘",
        r"猎头",
    ),
    # A product or program manager is not an engineering manager, whatever team they serve.
    _rule(
        Role.other_tech,
        r"\b(product|program|programme|project|delivery) (manager|owner|lead|director|head)\b",
        r"\b(tpm|pm)\b",
        r"\bchef de (produit|projet)\b",
        r"\bgerente de (producto|produto|projeto|proyecto)\b",
        r"\bproduktmanager",
        r"\bprojektleiter",
    ),
    # Engineers of bridges and engines: not the software kind.
    _rule(
        Role.non_tech,
        r"\b(civil|mechanical|chemical|structural|process|manufacturing|petroleum|mining|"
        r"biomedical|environmental|sound|audio) engineer\b",
        r"\bingenier[oa] (civil|mecanic[oa]|quimic[oa]|industrial)\b",
    ),
    # Engineers who sell or support: they can refer you, but they do not hire engineers.
    _rule(Role.other_tech, r"\b(sales|solutions?|presales|pre-sales|customer|support) engineer"),
    _rule(
        Role.engineering_manager,
        r"^(sr\.? |senior )?em\b",
        rf"\b{_SOFTWARE} (manager|director|head)\b",
        r"\b(engineering|development|r&d) lead\b",
        rf"\b(head|director|directors|vp|svp|evp|vice president|manager)( of)?,? (the )?"
        rf"({_SOFTWARE} )?(engineering|development|r&d|technology|tech|platform|"
        r"infrastructure|data science|machine learning)\b",
        r"\b(tech lead manager|tlm|sdm|team ?lead(er)?)\b",
        r"\bgerente de (ingenieria|engenharia|desarrollo|desenvolvimento|tecnologia|software)\b",
        r"\b(jefe|jefa|directora?|diretora?) de (ingenieria|engenharia|desarrollo|"
        r"desenvolvimento|tecnologia|software)\b",
        r"\bdirect(eur|rice) (de l'|de l |du )?(ingenierie|developpement|engineering)\b",
        r"\bresponsable (de l'|de l |du |des )?(ingenierie|developpement|engineering|equipe)",
        r"\bleiter(in)? (der )?(software)?entwicklung",
        r"entwicklungsleiter",
        r"teamleiter",
        r"\bresponsabile (dello |del )?svilupp",
        r"руководитель (группы )?разработ",
        r"エンジニアリングマネージャ",
        r"開発マネージャ",
        r"工程经理",
        r"开发经理",
        r"研发经理",
        r"技术总监",
        r"研发总监",
    ),
    _rule(
        Role.engineer,
        r"engineer",
        r"\b(developer|dev|devs|swe|sde|sdet|programmer|coder|hacker|devops|sre|"
        r"mts|frontend|front-end|backend|back-end|full ?stack|fullstack|tech lead|techlead)\b",
        r"\bmember of (the )?technical staff\b",
        r"\b(data|research|applied|ml|machine learning|computer) scientists?\b",
        r"\bmachine learning\b",
        r"\bml\b",
        r"\b(software|solutions?|cloud|systems?|data|enterprise|technical|security|platform|"
        r"principal|lead|chief|senior|staff|it|integration|application) architect\b",
        r"\bingenier[oa]s?\b",
        r"ingenieur",
        r"\bingegner",
        r"\bengenheir[oa]",
        r"\bdesarrollador",
        r"\bdesenvolvedor",
        r"\bdeveloppeu(r|se)",
        r"entwickler",
        r"\binformatiker",
        r"\bsviluppat",
        r"ontwikkelaar",
        r"\bprogramist",
        r"\bprogramador",
        r"\bprogrammeu(r|se)",
        r"\bcientific[oa] de datos\b",
        r"разработчик",
        r"программист",
        r"инженер",
        r"エンジニア",
        r"プログラマ",
        r"工程师",
        r"程序员",
        r"开发",
    ),
    _rule(
        Role.non_tech,
        r"\b(teacher|professor|lecturer|nurse|doctor|physician|surgeon|dentist|pharmacist|"
        r"veterinarian|lawyer|attorney|paralegal|accountant|chef|cook|barista|waiter|"
        r"waitress|bartender|cashier|electrician|plumber|carpenter|farmer|musician|actor|"
        r"actress|student|retired|homemaker|firefighter|police|realtor|therapist|"
        r"psychologist|pastor|priest)\b",
        r"\b(profesora?|professeure?|lehrer(in)?|enfermer[oa]|infirmi(er|ere)|medic[oa]|"
        r"abogad[oa]|avocate?|anwalt|anwaltin|estudiante|etudiante?|student(in)?)\b",
    ),
    _rule(
        Role.other_tech,
        r"\b(product|designer|design|ux|ui|analyst|analytics|marketing|marketer|growth|sales|"
        r"account executive|account manager|business development|bdr|sdr|operations|ops|"
        r"support|customer|success|hr|human resources|people|finance|legal|counsel|"
        r"manager|director|head|vp|vice president|coo|cfo|cmo|cpo|consultant|researcher|"
        r"scrum master|agile coach|technical writer|community|evangelist|advocate|devrel|"
        r"strategy|partnerships?)\b",
        r"\b(disenador|disenadora|designerin|analista|gerente|directeur|directrice|"
        r"directora?|diretora?|responsable|leiter(in)?|berater(in)?|consultora?)\b",
        r"デザイナー",
        r"产品经理",
        r"设计师",
        r"дизайнер",
        r"менеджер",
    ),
]

# Words quick add takes as the role itself ("Jane @ Acme, em"), not as a title.
ROLE_WORDS: dict[str, Role] = {
    "engineer": Role.engineer,
    "eng": Role.engineer,
    "swe": Role.engineer,
    "developer": Role.engineer,
    "dev": Role.engineer,
    "em": Role.engineering_manager,
    "manager": Role.engineering_manager,
    "eng manager": Role.engineering_manager,
    "engineering manager": Role.engineering_manager,
    "cto": Role.founder_cto,
    "founder": Role.founder_cto,
    "recruiter": Role.recruiter,
    "tech": Role.other_tech,
    "other tech": Role.other_tech,
    "non-tech": Role.non_tech,
    "nontech": Role.non_tech,
}


@cache
def _compiled() -> list[tuple[Role, re.Pattern[str]]]:
    """The rules compiled, on the first guess (~10 ms: kept off the app's start-up).
    Folded like the titles are ("エンジニア" loses its voicing marks in both)."""
    return [
        (role, re.compile("|".join(f"(?:{fold(p)})" for p in patterns)))
        for role, patterns in _RULES
    ]


def infer_role(title: str) -> Role:
    """The role a job title points to; Role.unknown when it says nothing we know."""
    text = " ".join(fold(title).split())
    if not text:
        return Role.unknown
    for role, pattern in _compiled():
        if pattern.search(text):
            return role
    return Role.unknown
