#pragma once

#include <QByteArrayView>
#include <QCryptographicHash>
#include <QString>

namespace PgVault {

// Checksum of a stored file, as written into manifests: "sha256:<64 lower-case hex>".
//
// Why SHA-256: libzstd does not export its XXH64 in the public API, and a second-party xxhash
// is not packaged for us; SHA-256 (QCryptographicHash, no extra dependency) is verifiable with
// plain `sha256sum` by anyone holding the repository, and it also detects deliberate
// tampering, which a CRC would not. Its cost (a few hundred MB/s) is paid once per stored byte,
// in the writer that already holds the data; zstd's own frame checksum covers decompression.
class Checksum
{
public:
    Checksum();

    void add(QByteArrayView data);
    // "sha256:<hex>" of everything added so far.
    QString result() const;

    static QString of(QByteArrayView data);
    // True for strings of the form this class produces (the algorithm prefix is checked).
    static bool isWellFormed(const QString &checksum);

private:
    QCryptographicHash m_hash;
};

} // namespace PgVault
