#pragma once

#include "SandboxCreateOptions.h"
#include "SandboxProfile.h"
#include "SandboxState.h"
#include "SandboxTools.h"
#include "ServerAccount.h"
#include "common/Result.h"

#include <QJsonObject>

#include <optional>

namespace PgVault {

class JobContext;

// The steps of SandboxCreateJob, on its worker thread, and the record of what they created so
// that a cancel or failure can take it all back (rollback()).
class SandboxCreator
{
public:
    SandboxCreator(const SandboxCreateOptions &options, JobContext &context);

    Result<QJsonObject> run();

private:
    Status findPostgres();
    Status createCluster();
    Status configure();
    Status startServer();
    Status createSampleDatabase();
    Result<QJsonObject> addProfile();
    void rollback();

    Status prepareRepository();
    Status writeServerSettings();
    Status checkCancelled() const;
    void beginPhase(const QString &id, const QString &label);
    QString defaultRepositoryPath() const;

    const SandboxCreateOptions &m_options;
    JobContext &m_context;

    std::optional<ServerAccount> m_account;
    SandboxTools m_tools;
    SandboxState m_state; // filled step by step, written last
    QString m_cliPath;
    QString m_archiveCommand;

    // What exists because of us, for rollback().
    bool m_madeServerFiles = false;
    bool m_madeRepository = false;
    QString m_madeServerFolder; // servers/<system id> in a repository that existed before
    std::optional<SandboxProfile::Saved> m_profile;
};

} // namespace PgVault
