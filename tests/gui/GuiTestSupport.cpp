#include "GuiTestSupport.h"

#include "PgVaultResources.h"
#include "TranslationsInit.h"
#include "jobs/JobManager.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "support/Translator.h"

#include <QAbstractButton>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabBar>
#include <QTextDocument>

namespace PgVault::Test {

GuiFixture::GuiFixture(bool withSecrets)
{
    QStandardPaths::setTestModeEnabled(true);
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("pgvault.conf")));
    if (withSecrets)
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("pgvault-gui-test"));
    m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    m_jobs = std::make_unique<JobManager>();
}

GuiFixture::~GuiFixture()
{
    m_jobs->cancelAllAndWait();
}

AppServices GuiFixture::services() const
{
    AppServices services;
    services.settings = m_settings.get();
    services.profiles = m_profiles.get();
    services.secrets = m_secrets.get();
    services.jobs = m_jobs.get();
    return services;
}

QString GuiFixture::settingsPath() const
{
    return m_settings->filePath();
}

void initGuiResources()
{
    pgvaultInitResources();
    pgvaultInitTranslations();
    testTranslator()->install(QLocale::system());
}

Translator *testTranslator()
{
    static Translator *translator = new Translator(qApp);
    return translator;
}

QString saveScreenshot(QWidget *widget, const QString &name)
{
    QString dir = qEnvironmentVariable("PGVAULT_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("pgvault-test-artifacts"));
    if (!QDir().mkpath(dir))
        return QString();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    // Let pending layout requests and repaints happen first, so the picture is what a user sees.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return widget->grab().save(path) ? path : QString();
}

QStringList visibleTexts(const QWidget *root)
{
    QStringList texts;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(const_cast<QWidget *>(root));
    for (const QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible())
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            if (label->textFormat() == Qt::PlainText) {
                texts.append(label->text());
            } else {
                QTextDocument document;
                document.setHtml(label->text());
                texts.append(document.toPlainText());
            }
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            texts.append(button->text());
        } else if (const auto *edit = qobject_cast<const QLineEdit *>(widget)) {
            texts.append(edit->text());
        } else if (const auto *plain = qobject_cast<const QPlainTextEdit *>(widget)) {
            texts.append(plain->toPlainText());
        } else if (const auto *group = qobject_cast<const QGroupBox *>(widget)) {
            texts.append(group->title());
        } else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts.append(tabs->tabText(i));
        }
    }
    return texts;
}

bool showsText(const QWidget *root, const QString &text)
{
    const QStringList texts = visibleTexts(root);
    return std::any_of(texts.cbegin(), texts.cend(),
                       [&](const QString &candidate) { return candidate.contains(text); });
}

} // namespace PgVault::Test
