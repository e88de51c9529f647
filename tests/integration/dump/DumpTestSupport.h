#pragma once

#include "common/Result.h"
#include "jobs/Job.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace PgVault::Test {

struct JobOutcome
{
    Job::State state = Job::State::Pending;
    std::optional<Error> error;
    QJsonObject data;
    QStringList messages;
    QList<JobProgress> progress;

    QString describe() const;
};

// Runs a job to its end on this thread's event loop; `onProgress` may cancel it or act.
JobOutcome runJob(Job *job, const std::function<void(Job &, const JobProgress &)> &onProgress = {});

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const;
    QString lastLine() const;
};

// The real pgvault-cli ($PGVAULT_CLI), or with `wrapper` (e.g. unshare … sh -c) in front.
CliRun runCli(const QStringList &arguments);
CliRun runProgram(const QString &program, const QStringList &arguments);

} // namespace PgVault::Test
