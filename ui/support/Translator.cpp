#include "Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace PgVault {

Translator::Translator(QObject *parent)
    : QObject(parent)
{}

Translator::~Translator()
{
    uninstall();
}

bool Translator::install(const QLocale &requested)
{
    uninstall();
    // The "C" locale (LANG=C, as in CI) means English: load the English plural forms.
    const QLocale locale = requested.language() == QLocale::C
                                   ? QLocale(QLocale::English, QLocale::UnitedStates)
                                   : requested;

    auto *app = new QTranslator(this);
    if (app->load(locale, QStringLiteral("pgvault"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app);
        m_app = app;
    } else {
        delete app;
    }

    auto *qt = new QTranslator(this);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_qt = qt;
    } else {
        delete qt;
    }
    return m_app != nullptr;
}

void Translator::uninstall()
{
    // Without an application (being destroyed) there is nothing to remove them from.
    const bool hasApp = QCoreApplication::instance() != nullptr;
    if (m_app) {
        if (hasApp)
            QCoreApplication::removeTranslator(m_app);
        delete m_app;
        m_app = nullptr;
    }
    if (m_qt) {
        if (hasApp)
            QCoreApplication::removeTranslator(m_qt);
        delete m_qt;
        m_qt = nullptr;
    }
}

bool Translator::hasAppTranslation() const
{
    return m_app != nullptr;
}

bool Translator::hasQtTranslation() const
{
    return m_qt != nullptr;
}

} // namespace PgVault
