#include "RestoreDumpDialog.h"

#include "connection/ConnInfo.h"
#include "dump/DumpToc.h"
#include "models/BackupListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace PgVault {

namespace {

enum ContentColumn { NameColumn, TypeColumn };

// pg_dump's entry types ("MATERIALIZED VIEW") as a person would write them ("Materialized view").
QString typeLabel(const QString &type)
{
    if (type.isEmpty())
        return type;
    return type.left(1) + type.mid(1).toLower();
}

} // namespace

RestoreDumpDialog::RestoreDumpDialog(const BackupEntry &backup, const QList<Profile> &profiles,
                                     const QUuid &currentProfile, QWidget *parent)
    : QDialog(parent)
    , m_backup(backup)
    , m_profiles(profiles)
    , m_backupLabel(new QLabel(this))
    , m_databaseCombo(new QComboBox(this))
    , m_databaseLabel(new QLabel(this))
    , m_sourceForm(new QFormLayout)
    , m_contentStack(new QStackedWidget(this))
    , m_contentStatusLabel(new QLabel)
    , m_contentTree(new QTreeView)
    , m_contentModel(new QStandardItemModel(this))
    , m_selectAllButton(new QPushButton(tr("Select &All"), this))
    , m_selectNoneButton(new QPushButton(tr("Select &None"), this))
    , m_selectionLabel(new QLabel(this))
    , m_targetCombo(new QComboBox(this))
    , m_targetDatabaseEdit(new QLineEdit(this))
    , m_createCheck(new QCheckBox(tr("C&reate the database"), this))
    , m_cleanCheck(new QCheckBox(tr("&Drop existing objects first (clean)"), this))
    , m_jobsSpin(new QSpinBox(this))
    , m_problemLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_tocWatcher(new QFutureWatcher<Result<TocArchive>>(this))
{
    setObjectName(QStringLiteral("restoreDumpDialog"));
    setWindowTitle(tr("Restore Dump"));

    // What is restored from.
    if (backup.manifest) {
        Result<DumpDetails> details
                = DumpDetails::fromJson(backup.manifest->details, backup.relativePath);
        if (details)
            m_details = *details;
        else
            m_problemLabel->setText(details.error().message());
        m_backupLabel->setText(tr("Dump %1, taken %2 from PostgreSQL %3.")
                                       .arg(backup.id, BackupListModel::startedText(backup),
                                            backup.manifest->serverVersion));
    }
    m_backupLabel->setObjectName(QStringLiteral("backupLabel"));
    m_backupLabel->setWordWrap(true);
    m_backupLabel->setTextFormat(Qt::PlainText);

    m_databaseCombo->setObjectName(QStringLiteral("sourceDatabaseComboBox"));
    m_databaseLabel->setObjectName(QStringLiteral("sourceDatabaseLabel"));
    m_databaseLabel->setTextFormat(Qt::PlainText);
    if (m_details) {
        for (const DumpedDatabase &database : std::as_const(m_details->databases))
            m_databaseCombo->addItem(database.name);
    }
    m_databaseLabel->setText(m_databaseCombo->currentText());
    connect(m_databaseCombo, &QComboBox::currentIndexChanged, this,
            &RestoreDumpDialog::onDatabaseChanged);
    m_sourceForm->addRow(tr("&Database:"), m_databaseCombo);
    m_sourceForm->addRow(tr("Database:"), m_databaseLabel);
    // A choice only when there is one to make.
    const bool several = m_databaseCombo->count() > 1;
    m_sourceForm->setRowVisible(m_databaseCombo, several);
    m_sourceForm->setRowVisible(m_databaseLabel, !several);

    // What is restored: the content tree.
    m_contentModel->setHorizontalHeaderLabels({tr("Object"), tr("Type")});
    m_contentTree->setObjectName(QStringLiteral("contentTreeView"));
    m_contentTree->setModel(m_contentModel);
    m_contentTree->setUniformRowHeights(true);
    m_contentTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_contentTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_contentTree->setAllColumnsShowFocus(true);
    m_contentTree->header()->setStretchLastSection(false);
    m_contentTree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_contentTree->header()->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    m_contentTree->setMinimumHeight(220);
    connect(m_contentModel, &QStandardItemModel::itemChanged, this,
            &RestoreDumpDialog::onItemChanged);
    m_contentStatusLabel->setObjectName(QStringLiteral("contentStatusLabel"));
    m_contentStatusLabel->setAlignment(Qt::AlignCenter);
    m_contentStatusLabel->setWordWrap(true);
    m_contentStatusLabel->setForegroundRole(QPalette::PlaceholderText);
    m_contentStack->addWidget(m_contentStatusLabel);
    m_contentStack->addWidget(m_contentTree);

    m_selectAllButton->setObjectName(QStringLiteral("selectAllButton"));
    m_selectAllButton->setAutoDefault(false);
    connect(m_selectAllButton, &QPushButton::clicked, this, [this] { setAllChecked(true); });
    m_selectNoneButton->setObjectName(QStringLiteral("selectNoneButton"));
    m_selectNoneButton->setAutoDefault(false);
    connect(m_selectNoneButton, &QPushButton::clicked, this, [this] { setAllChecked(false); });
    m_selectionLabel->setObjectName(QStringLiteral("selectionSummaryLabel"));
    m_selectionLabel->setWordWrap(true);
    m_selectionLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *contentBox = new QGroupBox(tr("What to Restore"), this);
    contentBox->setObjectName(QStringLiteral("contentGroupBox"));
    auto *selectRow = new QHBoxLayout;
    selectRow->addWidget(m_selectAllButton);
    selectRow->addWidget(m_selectNoneButton);
    selectRow->addStretch(1);
    auto *contentLayout = new QVBoxLayout(contentBox);
    contentLayout->addLayout(m_sourceForm);
    contentLayout->addWidget(m_contentStack, 1);
    contentLayout->addLayout(selectRow);
    contentLayout->addWidget(m_selectionLabel);

    // Where to.
    m_targetCombo->setObjectName(QStringLiteral("targetServerComboBox"));
    for (const Profile &profile : profiles) {
        m_targetCombo->addItem(profile.name(), profile.id());
        if (profile.id() == currentProfile)
            m_targetCombo->setCurrentIndex(m_targetCombo->count() - 1);
    }
    connect(m_targetCombo, &QComboBox::currentIndexChanged, this, &RestoreDumpDialog::update);
    m_targetDatabaseEdit->setObjectName(QStringLiteral("targetDatabaseLineEdit"));
    connect(m_targetDatabaseEdit, &QLineEdit::textChanged, this, &RestoreDumpDialog::update);
    m_createCheck->setObjectName(QStringLiteral("createDatabaseCheckBox"));
    m_createCheck->setChecked(true);
    m_createCheck->setToolTip(tr("Create the database like the dumped one (encoding and "
                                 "locale). It must not exist yet."));
    connect(m_createCheck, &QCheckBox::toggled, this, &RestoreDumpDialog::update);
    m_cleanCheck->setObjectName(QStringLiteral("cleanCheckBox"));
    m_cleanCheck->setToolTip(tr("Restore into an existing database that already holds objects: "
                                "the backup's objects are dropped there and created again, and "
                                "their current data is lost."));
    connect(m_cleanCheck, &QCheckBox::toggled, this, &RestoreDumpDialog::update);
    m_jobsSpin->setObjectName(QStringLiteral("restoreJobsSpinBox"));
    m_jobsSpin->setRange(1, 64);
    m_jobsSpin->setValue(1);

    auto *targetBox = new QGroupBox(tr("Restore Into"), this);
    targetBox->setObjectName(QStringLiteral("targetGroupBox"));
    auto *targetForm = new QFormLayout(targetBox);
    targetForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    targetForm->addRow(tr("&Server:"), m_targetCombo);
    targetForm->addRow(tr("Database &name:"), m_targetDatabaseEdit);
    targetForm->addRow(QString(), m_createCheck);
    targetForm->addRow(QString(), m_cleanCheck);
    targetForm->addRow(tr("Parallel &jobs:"), m_jobsSpin);
    m_jobsSpin->setMaximumWidth(m_jobsSpin->sizeHint().width() + 20);

    m_problemLabel->setObjectName(QStringLiteral("restoreProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_problemLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problemLabel->setPalette(errorPalette);

    m_buttons->setObjectName(QStringLiteral("restoreButtonBox"));
    QPushButton *start = m_buttons->button(QDialogButtonBox::Ok);
    start->setObjectName(QStringLiteral("startRestoreButton"));
    start->setText(tr("Start Restore"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RestoreDumpDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(m_backupLabel);
    layout->addWidget(contentBox, 1);
    layout->addWidget(targetBox);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    connect(m_tocWatcher, &QFutureWatcher<Result<TocArchive>>::finished, this,
            &RestoreDumpDialog::onTocLoaded);
    resize(640, 720);
    onDatabaseChanged();
}

RestoreDumpDialog::~RestoreDumpDialog()
{
    // A TOC still being read only reads; nobody needs its answer now.
    m_tocWatcher->disconnect(this);
}

void RestoreDumpDialog::onDatabaseChanged()
{
    const QString database = m_databaseCombo->currentText();
    m_databaseLabel->setText(database);
    // Suggest "<db>_restored" unless the user typed a name of their own.
    if (m_targetDatabaseEdit->text().isEmpty()
        || m_targetDatabaseEdit->text() == m_lastSuggestedName) {
        m_lastSuggestedName
                = database.isEmpty() ? QString() : database + QStringLiteral("_restored");
        m_targetDatabaseEdit->setText(m_lastSuggestedName);
    }

    m_contentLoaded = false;
    m_contentModel->removeRows(0, m_contentModel->rowCount());
    const DumpedDatabase *dumped = m_details ? m_details->database(database) : nullptr;
    if (!dumped) {
        m_contentStatusLabel->setText(tr("This backup holds no database to restore."));
        m_contentStack->setCurrentWidget(m_contentStatusLabel);
        update();
        return;
    }
    // Only a directory-format dump restores in parallel (see RestoreDumpJob).
    const bool parallel = dumped->format == DumpFormat::Directory;
    m_jobsSpin->setEnabled(parallel);
    if (!parallel)
        m_jobsSpin->setValue(1);
    m_jobsSpin->setToolTip(parallel ? tr("Tables pg_restore loads at the same time.")
                                    : tr("This dump is in the custom format, which is restored "
                                         "as one stream; dumps in the directory format can be "
                                         "restored in parallel."));
    m_contentStatusLabel->setText(tr("Reading the backup's table of contents…"));
    m_contentStack->setCurrentWidget(m_contentStatusLabel);
    const quint64 generation = ++m_tocGeneration;
    m_tocWatcher->setProperty("generation", generation);
    m_tocWatcher->setFuture(QtConcurrent::run(
            [backup = m_backup, database] { return DumpToc::load(backup, database); }));
    update();
}

void RestoreDumpDialog::onTocLoaded()
{
    if (m_tocWatcher->property("generation").toULongLong() != m_tocGeneration)
        return; // an earlier database's; the current one is on its way
    const Result<TocArchive> toc = m_tocWatcher->result();
    if (!toc) {
        m_contentStatusLabel->setText(toc.error().message());
        update();
        return;
    }

    // Filling sets check states; they are not the user's clicks.
    m_updatingChecks = true;
    const QList<TocSchema> schemas = toc->schemas();
    for (const TocSchema &schema : schemas) {
        auto *schemaItem = new QStandardItem(schema.name);
        schemaItem->setData(int(ItemKind::Schema), ItemKindRole);
        schemaItem->setData(schema.name, QualifiedNameRole);
        schemaItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        schemaItem->setCheckState(Qt::Checked);
        auto *schemaType = new QStandardItem(tr("Schema"));
        schemaType->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);

        // Tables and views first (what can be chosen one by one), then the rest; by name.
        QList<TocEntry> objects = schema.objects;
        std::stable_sort(objects.begin(), objects.end(), [](const TocEntry &a, const TocEntry &b) {
            if (a.isRelation() != b.isRelation())
                return a.isRelation();
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const TocEntry &object : std::as_const(objects)) {
            auto *item = new QStandardItem(object.name);
            auto *type = new QStandardItem(typeLabel(object.type));
            if (object.isRelation()) {
                item->setData(int(ItemKind::Relation), ItemKindRole);
                item->setData(object.qualifiedName(), QualifiedNameRole);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
                               | Qt::ItemNeverHasChildren);
                type->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            } else {
                // Shown greyed: chosen with the schema, not alone.
                item->setData(int(ItemKind::Other), ItemKindRole);
                item->setFlags(Qt::ItemNeverHasChildren);
                type->setFlags(Qt::ItemNeverHasChildren);
                const QString why = tr("Restored with its whole schema, or when a chosen table "
                                       "needs it.");
                item->setToolTip(why);
                type->setToolTip(why);
            }
            item->setCheckState(Qt::Checked);
            schemaItem->appendRow({item, type});
        }
        m_contentModel->appendRow({schemaItem, schemaType});
    }
    m_updatingChecks = false;
    m_contentLoaded = true;
    if (m_contentModel->rowCount() == 0) {
        m_contentStatusLabel->setText(tr("This database's dump holds no schemas with objects; "
                                         "it can still be restored as a whole."));
    } else {
        m_contentStack->setCurrentWidget(m_contentTree);
        // A few schemas are shown open; many would be a wall of names.
        if (m_contentModel->rowCount() <= 3)
            m_contentTree->expandAll();
    }
    update();
}

void RestoreDumpDialog::onItemChanged(QStandardItem *item)
{
    if (m_updatingChecks || item->column() != NameColumn)
        return;
    const auto kind = ItemKind(item->data(ItemKindRole).toInt());
    m_updatingChecks = true;
    if (kind == ItemKind::Schema) {
        // The user's click: everything in the schema follows (partial means "checked" here).
        const Qt::CheckState state
                = item->checkState() == Qt::Unchecked ? Qt::Unchecked : Qt::Checked;
        item->setCheckState(state);
        for (int row = 0; row < item->rowCount(); ++row)
            item->child(row, NameColumn)->setCheckState(state);
    } else if (kind == ItemKind::Relation && item->parent()) {
        updateSchemaState(item->parent());
    }
    m_updatingChecks = false;
    update();
}

void RestoreDumpDialog::updateSchemaState(QStandardItem *schema)
{
    int relations = 0;
    int checked = 0;
    for (int row = 0; row < schema->rowCount(); ++row) {
        const QStandardItem *child = schema->child(row, NameColumn);
        if (ItemKind(child->data(ItemKindRole).toInt()) != ItemKind::Relation)
            continue;
        ++relations;
        if (child->checkState() == Qt::Checked)
            ++checked;
    }
    Qt::CheckState state = Qt::PartiallyChecked;
    if (checked == 0)
        state = Qt::Unchecked;
    else if (checked == relations)
        state = Qt::Checked;
    schema->setCheckState(state);
    // What cannot be chosen alone comes only with the whole schema.
    for (int row = 0; row < schema->rowCount(); ++row) {
        QStandardItem *child = schema->child(row, NameColumn);
        if (ItemKind(child->data(ItemKindRole).toInt()) == ItemKind::Other)
            child->setCheckState(state == Qt::Checked ? Qt::Checked : Qt::Unchecked);
    }
}

void RestoreDumpDialog::setAllChecked(bool checked)
{
    m_updatingChecks = true;
    const Qt::CheckState state = checked ? Qt::Checked : Qt::Unchecked;
    for (int row = 0; row < m_contentModel->rowCount(); ++row) {
        QStandardItem *schema = m_contentModel->item(row, NameColumn);
        schema->setCheckState(state);
        for (int child = 0; child < schema->rowCount(); ++child)
            schema->child(child, NameColumn)->setCheckState(state);
    }
    m_updatingChecks = false;
    update();
}

RestoreDumpDialog::Selection RestoreDumpDialog::selection() const
{
    Selection result;
    bool all = true;
    for (int row = 0; row < m_contentModel->rowCount(); ++row) {
        const QStandardItem *schema = m_contentModel->item(row, NameColumn);
        const Qt::CheckState state = schema->checkState();
        if (state != Qt::Checked)
            all = false;
        if (state == Qt::Checked) {
            result.schemas.append(schema->data(QualifiedNameRole).toString());
            continue;
        }
        for (int child = 0; child < schema->rowCount(); ++child) {
            const QStandardItem *item = schema->child(child, NameColumn);
            if (ItemKind(item->data(ItemKindRole).toInt()) == ItemKind::Relation
                && item->checkState() == Qt::Checked) {
                result.tables.append(item->data(QualifiedNameRole).toString());
            }
        }
    }
    // Everything checked is a plain restore: it also brings what belongs to no schema
    // (extensions, event triggers, the database's own comment…).
    result.everything = all;
    if (all) {
        result.schemas.clear();
        result.tables.clear();
    }
    return result;
}

void RestoreDumpDialog::update()
{
    QString problem;
    const Selection chosen = selection();
    if (!m_details) {
        problem = m_problemLabel->text().isEmpty() ? tr("This backup cannot be read.")
                                                   : m_problemLabel->text();
    } else if (!m_contentLoaded) {
        m_selectionLabel->clear();
    } else if (chosen.everything) {
        m_selectionLabel->setText(tr("The whole database will be restored."));
    } else if (chosen.schemas.isEmpty() && chosen.tables.isEmpty()) {
        m_selectionLabel->setText(tr("Nothing is chosen."));
    } else {
        // Name what is chosen while that stays short, else count it.
        constexpr int NamedAtMost = 4;
        QStringList parts;
        if (!chosen.schemas.isEmpty()) {
            parts.append(chosen.schemas.size() <= NamedAtMost
                                 ? tr("schema %1").arg(chosen.schemas.join(QStringLiteral(", ")))
                                 : tr("%n schema(s)", nullptr, int(chosen.schemas.size())));
        }
        if (!chosen.tables.isEmpty()) {
            parts.append(chosen.tables.size() <= NamedAtMost
                                 ? tr("table %1").arg(chosen.tables.join(QStringLiteral(", ")))
                                 : tr("%n table(s)", nullptr, int(chosen.tables.size())));
        }
        QString text = tr("Restoring %1.").arg(parts.join(QStringLiteral("; ")));
        if (!chosen.tables.isEmpty()) {
            text += QLatin1Char(' ')
                    + tr("A table brings the sequences, types and functions it needs; foreign "
                         "keys to tables not restored are left out.");
        }
        m_selectionLabel->setText(text);
    }
    m_selectAllButton->setEnabled(m_contentLoaded);
    m_selectNoneButton->setEnabled(m_contentLoaded);

    // Dropping objects is for an existing database only: a created one has none.
    m_cleanCheck->setEnabled(!m_createCheck->isChecked());
    if (m_createCheck->isChecked() && m_cleanCheck->isChecked())
        m_cleanCheck->setChecked(false);

    if (problem.isEmpty() && m_targetCombo->count() == 0)
        problem = tr("There is no saved server to restore into.");
    if (problem.isEmpty() && m_targetDatabaseEdit->text().trimmed().isEmpty())
        problem = tr("Enter the name of the database to restore into.");
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());

    const bool nothing = m_contentLoaded && !chosen.everything && chosen.schemas.isEmpty()
                         && chosen.tables.isEmpty();
    // Without a readable table of contents the whole database can still be restored.
    m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(problem.isEmpty() && !nothing
                         && (m_contentLoaded || m_tocWatcher->isFinished()));
}

Profile RestoreDumpDialog::targetProfile() const
{
    const QUuid id = m_targetCombo->currentData().toUuid();
    for (const Profile &profile : m_profiles) {
        if (profile.id() == id)
            return profile;
    }
    return Profile();
}

QString RestoreDumpDialog::serverName() const
{
    const Profile profile = targetProfile();
    const Result<ConnInfo> info = ConnInfo::parse(profile.conninfo());
    const QString address = info ? info->displayAddress() : QString();
    return address.isEmpty() ? profile.name() : tr("%1 (%2)").arg(profile.name(), address);
}

RestoreDumpOptions RestoreDumpDialog::options() const
{
    RestoreDumpOptions options;
    options.backupId = m_backup.id;
    options.sourceDatabase = m_databaseCombo->currentText();
    const Result<ConnInfo> target = ConnInfo::parse(targetProfile().conninfo());
    if (target)
        options.target = *target;
    options.targetDatabase = m_targetDatabaseEdit->text().trimmed();
    options.create = m_createCheck->isChecked();
    options.clean = m_cleanCheck->isEnabled() && m_cleanCheck->isChecked();
    const Selection chosen = selection();
    options.schemas = chosen.schemas;
    options.tables = chosen.tables;
    options.jobs = m_jobsSpin->value();
    return options;
}

void RestoreDumpDialog::accept()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    const Result<ConnInfo> target = ConnInfo::parse(targetProfile().conninfo());
    if (!target) {
        m_problemLabel->setText(target.error().message());
        m_problemLabel->setVisible(true);
        return;
    }
    if (!(m_cleanCheck->isEnabled() && m_cleanCheck->isChecked())) {
        QDialog::accept();
        return;
    }
    // Dropping objects destroys data in a live database: name it and the server, once more.
    const QString database = m_targetDatabaseEdit->text().trimmed();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Drop Existing Objects"),
                                tr("Drop the backup's objects in “%1” on %2 and create them "
                                   "again?")
                                        .arg(database, serverName()),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmCleanMessageBox"));
    box->setInformativeText(tr("Tables, views and other objects of the backup that exist in "
                               "“%1” are dropped first; the data they hold now is lost.")
                                    .arg(database));
    QPushButton *drop = box->addButton(tr("Drop and Restore"), QMessageBox::DestructiveRole);
    drop->setObjectName(QStringLiteral("confirmCleanButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, drop] {
        if (box->clickedButton() == drop)
            QDialog::accept();
    });
    box->open();
}

} // namespace PgVault
