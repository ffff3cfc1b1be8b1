"""What the browser tests share: axe-core served from the repository and run on a page,
logging in through the login form, and screenshots kept on request."""

from __future__ import annotations

import os
from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
KHARTOUM = "EU-Horn of Africa Migration Route Initiative (Khartoum Process)"
#: set SURVEYAPP_SCREENSHOTS=/some/folder to keep a screenshot of each page checked
SHOTS = os.environ.get("SURVEYAPP_SCREENSHOTS")
#: milliseconds to wait for a background job (several renders on a busy machine)
JOB_TIMEOUT = 600_000


def serve_axe(page, live_server: str) -> None:
    """axe-core from the repository, evaluated by the browser in every page the context opens
    from now on (before the page's own scripts; the pages' CSP does not apply to it)."""
    page.context.add_init_script(path=str(AXE))


def axe_violations(page, live_server: str) -> list[str]:
    """The WCAG 2.2 AA and best-practice violations axe-core finds on the page, one line each.

    A page loaded before :func:`serve_axe` gets axe-core here, evaluated through the DevTools
    protocol (which the page's CSP does not govern either)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(
        # Only violations are reported: axe skips collecting the passes and the incomplete.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{page.url} [{v['id']}] {v['help']}: "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:3])
        for v in result["violations"]
    ]


def screenshot(page, name: str) -> None:
    """A full-page screenshot in ``SURVEYAPP_SCREENSHOTS``, when that is set."""
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


#: the login form's labels in each language
LOGIN_LABELS = {
    "en": ("E-mail address", "Password", "Log in"),
    "fr": ("Adresse électronique", "Mot de passe", "Connexion"),
    "es": ("Dirección de correo electrónico", "Contraseña", "Iniciar sesión"),
    "ar": ("عنوان البريد الإلكتروني", "كلمة المرور", "تسجيل الدخول"),
}


def log_in(page, live_server, email: str, password: str) -> None:
    """Log in through the (English) login form."""
    page.goto(f"{live_server}/login")
    submit_login(page, email, password)


def submit_login(page, email: str, password: str, language: str = "en") -> None:
    """Fill in and send the login form the page shows, in ``language``."""
    email_label, password_label, button = LOGIN_LABELS[language]
    page.get_by_label(email_label).fill(email)
    page.get_by_label(password_label).fill(password)
    page.get_by_role("button", name=button).click()
