#pragma once

#include "connection/ServerFacts.h"
#include "dump/DumpOptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTreeWidget;

namespace PgVault {

// "New dump…": which databases of a server to dump (with their sizes), whether to add roles and
// tablespaces, the format, parallel jobs (directory format) and the zstd level, with a rough
// estimate of the stored size and the time. options() holds the choice; the caller adds the
// connection, repository and password and starts the DumpJob.
//
// Open it with open(); accepted() means "start".
class NewDumpDialog : public QDialog
{
    Q_OBJECT

public:
    // preselected: a database to check at first (the profile's own database), may be empty.
    NewDumpDialog(const QString &serverName, const QList<ServerFacts::Database> &databases,
                  const QString &preselected, QWidget *parent = nullptr);

    // Databases, allDatabases, globals, format, jobs and compressLevel as chosen.
    DumpOptions options() const;
    QStringList checkedDatabases() const;

private:
    void onAllToggled(bool all);
    void update();

    QList<ServerFacts::Database> m_databases;
    QCheckBox *m_allCheck;
    QTreeWidget *m_databaseList;
    QCheckBox *m_globalsCheck;
    QComboBox *m_formatCombo;
    QSpinBox *m_jobsSpin;
    QSpinBox *m_levelSpin;
    QLabel *m_estimateLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace PgVault
