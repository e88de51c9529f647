#include "QueryResult.h"

#include <libpq-fe.h>

namespace PgVault {

QueryResult QueryResult::fromPgResult(const pg_result *result)
{
    QueryResult out;
    if (!result)
        return out;
    const int columns = PQnfields(result);
    const int rows = PQntuples(result);
    out.m_columns.reserve(columns);
    for (int c = 0; c < columns; ++c)
        out.m_columns.append(QString::fromUtf8(PQfname(result, c)));
    out.m_rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
        QStringList values;
        values.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c)) {
                values.append(QString());
            } else {
                QString text
                        = QString::fromUtf8(PQgetvalue(result, r, c), PQgetlength(result, r, c));
                // fromUtf8 may return a null string for empty input; keep "empty" apart from NULL.
                if (text.isNull())
                    text = QStringLiteral("");
                values.append(text);
            }
        }
        out.m_rows.append(values);
    }
    // PQcmdTuples and PQcmdStatus take a non-const PGresult but do not modify it.
    auto *mutableResult = const_cast<pg_result *>(result);
    bool ok = false;
    const qint64 affected = QByteArray(PQcmdTuples(mutableResult)).toLongLong(&ok);
    out.m_affectedRows = ok ? affected : -1;
    out.m_commandTag = QString::fromUtf8(PQcmdStatus(mutableResult));
    return out;
}

QString QueryResult::value(int row, const QString &column) const
{
    const int index = columnIndex(column);
    return index < 0 ? QString() : value(row, index);
}

} // namespace PgVault
