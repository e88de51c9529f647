#include "CliHarness.h"

#include "framework/Dispatcher.h"
#include "output/Console.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QProcess>

namespace PgVault::Test {

QList<QJsonObject> CliResult::jsonLines(bool *ok) const
{
    QList<QJsonObject> objects;
    bool allOk = true;
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            allOk = false;
            continue;
        }
        objects.append(doc.object());
    }
    if (ok)
        *ok = allOk && !objects.isEmpty();
    return objects;
}

QJsonObject CliResult::result() const
{
    const QList<QJsonObject> objects = jsonLines();
    return objects.isEmpty() ? QJsonObject() : objects.last();
}

QString CliResult::describe() const
{
    return QStringLiteral("exit code %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
            .arg(exitCode)
            .arg(out, err);
}

CliResult runInProcess(const QStringList &arguments, const QByteArray &input)
{
    QBuffer out;
    QBuffer err;
    QBuffer in;
    in.setData(input);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    in.open(QIODevice::ReadOnly);

    CliResult result;
    {
        Cli::Console console(&out, &err, &in);
        Cli::Dispatcher dispatcher(console);
        result.exitCode = dispatcher.exec(QStringList{QStringLiteral("pgvault-cli")} + arguments);
    }
    result.out = QString::fromUtf8(out.data());
    result.err = QString::fromUtf8(err.data());
    return result;
}

QString cliPath()
{
    return qEnvironmentVariable("PGVAULT_CLI");
}

CliResult runBinary(const QStringList &arguments, const QProcessEnvironment &environment,
                    const QByteArray &input, int timeoutMs)
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(cliPath(), arguments);
    CliResult result;
    if (!process.waitForStarted()) {
        result.err = QStringLiteral("could not start %1: %2").arg(cliPath(), process.errorString());
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    if (finished && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    else
        result.err += QStringLiteral("\n[pgvault-cli crashed or timed out]");
    return result;
}

} // namespace PgVault::Test
