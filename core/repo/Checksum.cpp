#include "Checksum.h"

#include <QRegularExpression>

namespace PgVault {

Checksum::Checksum()
    : m_hash(QCryptographicHash::Sha256)
{}

void Checksum::add(QByteArrayView data)
{
    m_hash.addData(data);
}

QString Checksum::result() const
{
    return QStringLiteral("sha256:")
           + QString::fromLatin1(m_hash.resultView().toByteArray().toHex());
}

QString Checksum::of(QByteArrayView data)
{
    Checksum c;
    c.add(data);
    return c.result();
}

bool Checksum::isWellFormed(const QString &checksum)
{
    static const QRegularExpression pattern(QStringLiteral("^sha256:[0-9a-f]{64}$"));
    return pattern.match(checksum).hasMatch();
}

} // namespace PgVault
