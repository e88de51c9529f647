#include "NewDumpDialog.h"

#include "common/Format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace PgVault {

namespace {

enum DatabaseColumn { NameColumn, SizeColumn };
// The user's own check state of an item, kept while "All databases" is checked.
constexpr int ChosenRole = Qt::UserRole + 1;
// bool: what "All databases" takes, the same rule as DumpOptions::allDatabases (connectable
// and not a template, as pg_dump users expect).
constexpr int InAllRole = Qt::UserRole + 2;

// The estimate is deliberately simple and labelled as one. A dump holds table data but no
// index pages, and zstd at the default level shrinks it to roughly a quarter, so the stored
// size comes out near 15 % of the database size; pg_dump reads about 40 MiB/s per job on an
// ordinary server. Higher zstd levels cost time, not accuracy.
constexpr double StoredShare = 0.15;
constexpr double BytesPerSecondPerJob = 40.0 * 1024 * 1024;

double levelSlowdown(int level)
{
    if (level <= 3)
        return 1.0;
    if (level <= 9)
        return 1.5;
    return 3.0;
}

} // namespace

NewDumpDialog::NewDumpDialog(const QString &serverName,
                             const QList<ServerFacts::Database> &databases,
                             const QString &preselected, QWidget *parent)
    : QDialog(parent)
    , m_databases(databases)
    , m_allCheck(new QCheckBox(tr("&All databases"), this))
    , m_databaseList(new QTreeWidget(this))
    , m_globalsCheck(new QCheckBox(tr("Also dump &roles and tablespaces (globals)"), this))
    , m_formatCombo(new QComboBox(this))
    , m_jobsSpin(new QSpinBox(this))
    , m_levelSpin(new QSpinBox(this))
    , m_estimateLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newDumpDialog"));
    setWindowTitle(tr("New Dump of “%1”").arg(serverName));

    auto *intro = new QLabel(tr("pg_dump copies the chosen databases into the repository, "
                                "compressed, and checks the result with pg_restore before the "
                                "backup counts as complete."),
                             this);
    intro->setWordWrap(true);

    m_allCheck->setObjectName(QStringLiteral("allDatabasesCheckBox"));
    m_allCheck->setToolTip(tr("Every database that allows connections, except the templates"));
    connect(m_allCheck, &QCheckBox::toggled, this, &NewDumpDialog::onAllToggled);

    m_databaseList->setObjectName(QStringLiteral("databasesTreeWidget"));
    m_databaseList->setRootIsDecorated(false);
    m_databaseList->setUniformRowHeights(true);
    m_databaseList->setAllColumnsShowFocus(true);
    m_databaseList->setHeaderLabels({tr("Database"), tr("Size")});
    m_databaseList->header()->setStretchLastSection(false);
    m_databaseList->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_databaseList->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    for (const ServerFacts::Database &database : databases) {
        // A template nobody may connect to (template0) is a pristine copy, not data anyone
        // means to keep; pg_dump could not read it anyway.
        if (database.isTemplate && !database.allowsConnections)
            continue;
        auto *item = new QTreeWidgetItem(m_databaseList);
        item->setText(NameColumn, database.name);
        item->setText(SizeColumn,
                      database.sizeBytes ? formatBytes(*database.sizeBytes) : tr("not visible"));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(NameColumn, InAllRole, database.allowsConnections && !database.isTemplate);
        if (!database.allowsConnections) {
            // Listed so that its absence is not a mystery, but pg_dump cannot connect to it.
            item->setFlags(Qt::ItemIsSelectable);
            item->setCheckState(NameColumn, Qt::Unchecked);
            const QString why = tr("“%1” does not allow connections (ALLOW_CONNECTIONS false), "
                                   "so it cannot be dumped.")
                                        .arg(database.name);
            item->setToolTip(NameColumn, why);
            item->setToolTip(SizeColumn, why);
            continue;
        }
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        if (database.isTemplate) {
            item->setToolTip(NameColumn,
                             tr("A template database: new databases start as a copy of it."));
        }
        // The maintenance database "postgres" is rarely what one means to back up.
        const bool checked
                = database.name == preselected && database.name != QLatin1String("postgres");
        item->setCheckState(NameColumn, checked ? Qt::Checked : Qt::Unchecked);
    }
    m_databaseList->setMinimumHeight(160);
    connect(m_databaseList, &QTreeWidget::itemChanged, this, &NewDumpDialog::update);

    auto *databasesBox = new QGroupBox(tr("Databases"), this);
    databasesBox->setObjectName(QStringLiteral("databasesGroupBox"));
    auto *databasesLayout = new QVBoxLayout(databasesBox);
    databasesLayout->addWidget(m_allCheck);
    databasesLayout->addWidget(m_databaseList, 1);
    databasesLayout->addWidget(m_globalsCheck);
    m_globalsCheck->setObjectName(QStringLiteral("globalsCheckBox"));
    m_globalsCheck->setToolTip(tr("pg_dumpall --globals-only: the roles (with their "
                                  "passwords' hashes) and tablespaces the databases refer to"));

    m_formatCombo->setObjectName(QStringLiteral("formatComboBox"));
    m_formatCombo->addItem(tr("Custom — one archive per database"), int(DumpFormat::Custom));
    m_formatCombo->addItem(tr("Directory — tables dumped in parallel"), int(DumpFormat::Directory));
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &NewDumpDialog::update);

    m_jobsSpin->setObjectName(QStringLiteral("dumpJobsSpinBox"));
    m_jobsSpin->setRange(1, 64);
    m_jobsSpin->setValue(std::min(4, std::max(1, QThread::idealThreadCount())));
    connect(m_jobsSpin, &QSpinBox::valueChanged, this, &NewDumpDialog::update);

    m_levelSpin->setObjectName(QStringLiteral("compressionLevelSpinBox"));
    m_levelSpin->setRange(1, 19);
    m_levelSpin->setValue(DumpOptions().compressLevel);
    m_levelSpin->setToolTip(tr("zstd level: higher levels store less and take longer. 3 is a "
                               "good balance for most data."));
    connect(m_levelSpin, &QSpinBox::valueChanged, this, &NewDumpDialog::update);

    auto *optionsBox = new QGroupBox(tr("Options"), this);
    optionsBox->setObjectName(QStringLiteral("dumpOptionsGroupBox"));
    auto *form = new QFormLayout(optionsBox);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Format:"), m_formatCombo);
    form->addRow(tr("Parallel &jobs:"), m_jobsSpin);
    form->addRow(tr("&Compression level:"), m_levelSpin);

    m_estimateLabel->setObjectName(QStringLiteral("estimateLabel"));
    m_estimateLabel->setWordWrap(true);
    m_estimateLabel->setForegroundRole(QPalette::PlaceholderText);

    m_buttons->setObjectName(QStringLiteral("newDumpButtonBox"));
    QPushButton *start = m_buttons->button(QDialogButtonBox::Ok);
    start->setObjectName(QStringLiteral("startDumpButton"));
    start->setText(tr("Start Dump"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(databasesBox, 1);
    layout->addWidget(optionsBox);
    layout->addWidget(m_estimateLabel);
    layout->addWidget(m_buttons);

    resize(560, 560);
    m_databaseList->setFocus();
    // Keyboard focus on the first row without selecting it: the check marks are the choice.
    if (m_databaseList->topLevelItemCount() > 0) {
        m_databaseList->selectionModel()->setCurrentIndex(m_databaseList->model()->index(0, 0),
                                                          QItemSelectionModel::NoUpdate);
    }
    update();
}

void NewDumpDialog::onAllToggled(bool all)
{
    // Show what "all" means (every database but the templates) and give the user's own choice
    // back when it is unchecked.
    const QSignalBlocker blocker(m_databaseList);
    for (int i = 0; i < m_databaseList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_databaseList->topLevelItem(i);
        if (all) {
            item->setData(NameColumn, ChosenRole, item->checkState(NameColumn));
            item->setCheckState(NameColumn, item->data(NameColumn, InAllRole).toBool()
                                                    ? Qt::Checked
                                                    : Qt::Unchecked);
        } else {
            item->setCheckState(NameColumn,
                                Qt::CheckState(item->data(NameColumn, ChosenRole).toInt()));
        }
    }
    m_databaseList->setEnabled(!all);
    update();
}

QStringList NewDumpDialog::checkedDatabases() const
{
    QStringList names;
    for (int i = 0; i < m_databaseList->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_databaseList->topLevelItem(i);
        if (item->checkState(NameColumn) == Qt::Checked)
            names.append(item->text(NameColumn));
    }
    return names;
}

DumpOptions NewDumpDialog::options() const
{
    DumpOptions options;
    options.allDatabases = m_allCheck->isChecked();
    if (!options.allDatabases)
        options.databases = checkedDatabases();
    options.globals = m_globalsCheck->isChecked();
    options.format = DumpFormat(m_formatCombo->currentData().toInt());
    options.jobs = options.format == DumpFormat::Directory ? m_jobsSpin->value() : 1;
    options.compressLevel = m_levelSpin->value();
    return options;
}

void NewDumpDialog::update()
{
    const bool directory
            = DumpFormat(m_formatCombo->currentData().toInt()) == DumpFormat::Directory;
    m_jobsSpin->setEnabled(directory);
    m_jobsSpin->setToolTip(directory ? tr("Tables pg_dump writes at the same time")
                                     : tr("The custom format is written by one job; choose "
                                          "the directory format to dump tables in parallel."));

    const QStringList chosen = checkedDatabases();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen.isEmpty());
    if (chosen.isEmpty()) {
        m_estimateLabel->setText(tr("Choose at least one database."));
        return;
    }
    qint64 total = 0;
    bool allKnown = true;
    for (const ServerFacts::Database &database : std::as_const(m_databases)) {
        if (!chosen.contains(database.name))
            continue;
        if (database.sizeBytes)
            total += *database.sizeBytes;
        else
            allKnown = false;
    }
    const int jobs = directory ? m_jobsSpin->value() : 1;
    const qint64 seconds = std::max<qint64>(1, qint64(double(total) / (BytesPerSecondPerJob * jobs)
                                                      * levelSlowdown(m_levelSpin->value())));
    const QString duration = seconds < 60 ? tr("under a minute") : formatDuration(seconds);
    QString text
            = tr("Estimate: %n database(s), %1 on the server; about %2 stored, taking "
                 "%3. This is a rough guess from the database sizes: indexes are not "
                 "dumped and how well data compresses varies.",
                 nullptr, int(chosen.size()))
                      .arg(formatBytes(total), formatBytes(qint64(total * StoredShare)), duration);
    if (!allKnown)
        text += QLatin1Char(' ') + tr("Some sizes are not visible to this user.");
    m_estimateLabel->setText(text);
}

} // namespace PgVault
