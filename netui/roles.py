"""Guess a person's role from a job title (pure): used by quick add and importers."""

from __future__ import annotations

import re

from netui.enums import Role

# Checked in order; the first pattern that matches a title wins.
_RULES: list[tuple[Role, re.Pattern[str]]] = [
    (Role.founder_cto, re.compile(r"\b(cto|co-?founder|founder|chief technology)\b")),
    (
        Role.engineering_manager,
        re.compile(
            r"\b(engineering manager|eng manager|em|head of engineering|vp,? engineering|"
            r"vp of engineering|director,? (of )?engineering|engineering director|"
            r"engineering lead|tech lead manager)\b"
        ),
    ),
    (Role.recruiter, re.compile(r"\b(recruiter|recruiting|talent|sourcer|headhunter)\b")),
    (
        Role.engineer,
        re.compile(
            r"\b(engineer|developer|swe|sde|programmer|dev|devops|sre|architect|"
            r"data scientist|ml|coder|hacker|tech lead)\b"
        ),
    ),
    (
        Role.other_tech,
        re.compile(
            r"\b(product|pm|designer|design|ux|ui|analyst|marketing|sales|account|"
            r"operations|ops|support|customer|success|hr|people|finance|legal|manager|"
            r"director|vp|ceo|coo|cfo|consultant|researcher)\b"
        ),
    ),
]

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


def infer_role(title: str) -> Role:
    text = title.casefold()
    if not text.strip():
        return Role.unknown
    for role, pattern in _RULES:
        if pattern.search(text):
            return role
    return Role.unknown
