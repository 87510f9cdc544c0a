"""The app's language: Vietnamese (the source language of every string) or English, through Qt's
translation system, plus the matching number/date formats and a font with every diacritic."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.resources import resource_path
from fieldsurvey.core.vocabulary import LANGUAGES

log = logging.getLogger(__name__)

# Every Vietnamese letter with a diacritic, lower and upper case.
VIETNAMESE_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """Translate a string outside a widget (pyside6-lupdate files plain tr() under no context)."""
    return QCoreApplication.translate("", text)


def error_text(error: BaseException, lang: str | None = None) -> str:
    """What to tell the user about an error: the core's own message in their language; for
    anything else (a bug of ours) a plain sentence, the details going to the log file."""
    lang = lang or current_language()
    if isinstance(error, FieldSurveyError):
        return error.text(lang)
    log.error("Unexpected error", exc_info=error)
    return tr("Lỗi ngoài dự kiến ({0}); chi tiết có trong tệp nhật ký.").format(
        type(error).__name__
    )


def current_language() -> str:
    """The interface's language, as install_language set the default locale."""
    return "en" if QLocale().language() == QLocale.Language.English else "vi"


def install_language(app: QCoreApplication, lang: str) -> str:
    """Switch the app's translations and locale; returns the language in force."""
    lang = lang if lang in LANGUAGES else "vi"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        # Qt ships no Vietnamese for its own words (OK, Cancel, Close, Undo…): ours has them.
        catalogues = [("qtbase_vi", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
        catalogues.append(("qt_vi", str(resource_path("i18n"))))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        catalogues = [(f"fieldsurvey_{lang}", str(resource_path("i18n")))]
    # The system's file dialogs speak the system's language; Qt's own, drawn by Qt, speak
    # ours (their words are in qt_vi): in Vietnamese every file dialog is Qt's.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang == "vi")
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang


def ensure_vietnamese_font(app: QApplication) -> str:
    """Keep the system font when it has every Vietnamese letter, else use the bundled one."""
    metrics = QFontMetrics(app.font())
    if all(metrics.inFontUcs4(ord(c)) for c in VIETNAMESE_LETTERS):
        return app.font().family()
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts") / "DejaVuSans.ttf"))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], app.font().pointSize()))
        return families[0]
    return app.font().family()
