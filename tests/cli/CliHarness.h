#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace PgVault::Test {

// What one pgvault-cli run printed and returned.
struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;

    // Every stdout line parsed as a JSON object; a line that is not one fails `ok`.
    QList<QJsonObject> jsonLines(bool *ok = nullptr) const;
    // The last stdout line as JSON (the --json result object).
    QJsonObject result() const;
    // For QVERIFY2 messages.
    QString describe() const;
};

// Runs a command line in-process (Dispatcher + Console over QBuffers), like KeePassXC's TestCli.
// `arguments` excludes the program name.
CliResult runInProcess(const QStringList &arguments, const QByteArray &input = {});

// The real binary: PGVAULT_CLI (set by pgvault_add_test).
QString cliPath();
// Runs the real binary with `environment` (the test's environment when empty) and `input` on
// stdin; exitCode -1 on a crash or timeout.
CliResult runBinary(const QStringList &arguments, const QProcessEnvironment &environment = {},
                    const QByteArray &input = {}, int timeoutMs = 120000);

} // namespace PgVault::Test
