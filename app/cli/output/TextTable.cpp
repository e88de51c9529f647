#include "TextTable.h"

namespace PgVault::Cli {

namespace {
const QString kGap = QStringLiteral("  ");
}

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

QStringList TextTable::lines() const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths.append(header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    }

    auto format = [&widths](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const bool last = i + 1 == widths.size();
            line += last ? cells.at(i) : cells.at(i).leftJustified(widths[i]) + kGap;
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        return line;
    };

    QStringList result = {format(m_headers)};
    for (const QStringList &row : m_rows)
        result.append(format(row));
    return result;
}

} // namespace PgVault::Cli
