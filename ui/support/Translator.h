#pragma once

#include <QLocale>
#include <QObject>

class QTranslator;

namespace PgVault {

// Installs PgVault's translation (":/i18n/pgvault_<lang>.qm", embedded by the executable from
// the pgvault-translations target) and Qt's own qtbase_<lang>.qm (from
// QLibraryInfo::TranslationsPath, package qt6-translations-l10n, so standard buttons are
// translated too) for a locale. Switching removes the previous pair. Widgets built afterwards
// show the new language.
class Translator : public QObject
{
    Q_OBJECT

public:
    explicit Translator(QObject *parent = nullptr);
    ~Translator() override;

    // True when PgVault's own translation was found (English needs none and gives false
    // unless the plural-forms file is present).
    bool install(const QLocale &locale);
    void uninstall();

    bool hasAppTranslation() const;
    bool hasQtTranslation() const;

private:
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};

} // namespace PgVault
