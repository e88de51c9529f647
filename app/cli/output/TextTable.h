#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace PgVault::Cli {

// A plain-text table with a header row and columns padded to their widest cell, for
// `profile list`, `list` and friends. Widths count characters (not terminal cells).
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Lines without trailing spaces; the last column is never padded.
    QStringList lines() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace PgVault::Cli
