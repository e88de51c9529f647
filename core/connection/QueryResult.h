#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

struct pg_result;

namespace PgVault {

// The rows of a finished query as text, detached from libpq: a cheap, copyable value that may
// cross threads. SQL NULL is a null QString (isNull()); an empty text value is an empty,
// non-null QString.
class QueryResult
{
public:
    QueryResult() = default;
    // Copies everything out of a libpq result (TUPLES_OK or COMMAND_OK); does not take it.
    static QueryResult fromPgResult(const pg_result *result);

    int rowCount() const { return int(m_rows.size()); }
    int columnCount() const { return int(m_columns.size()); }
    const QStringList &columnNames() const { return m_columns; }
    // -1 when there is no such column.
    int columnIndex(const QString &name) const { return int(m_columns.indexOf(name)); }

    const QList<QStringList> &rows() const { return m_rows; }
    const QStringList &row(int row) const { return m_rows.at(row); }
    QString value(int row, int column) const { return m_rows.at(row).at(column); }
    // Null QString when the column does not exist.
    QString value(int row, const QString &column) const;
    bool isNull(int row, int column) const { return m_rows.at(row).at(column).isNull(); }

    // Rows affected by INSERT/UPDATE/DELETE/... (PQcmdTuples); -1 when the command reports none.
    qint64 affectedRows() const { return m_affectedRows; }
    // The command tag, e.g. "SELECT 3" or "ALTER SYSTEM".
    const QString &commandTag() const { return m_commandTag; }

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
    qint64 m_affectedRows = -1;
    QString m_commandTag;
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::QueryResult)
