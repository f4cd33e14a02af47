// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/CliSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>

namespace rapport::test {

Run runRapport(const QStringList& arguments)
{
    QProcess process;
    return runRapport(process, arguments);
}

Run runRapport(QProcess& process, const QStringList& arguments, int timeoutMs)
{
    process.start(QStringLiteral(RAPPORT_BINARY), arguments);
    REQUIRE(process.waitForFinished(timeoutMs));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    Run run;
    run.exitCode = process.exitCode();
    run.outBytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.outBytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

CliDatabase::CliDatabase()
{
    REQUIRE(m_dir.isValid());
}

Run CliDatabase::run(const QString& command, QStringList arguments) const
{
    return runRapport(QStringList{command, QStringLiteral("--database"), path()} + arguments);
}

QString CliDatabase::addContact(const QStringList& arguments) const
{
    const Run added = run(QStringLiteral("add-contact"), arguments);
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    return added.out.trimmed();
}

void CliDatabase::log(const QString& contact, const QString& at, const QString& direction) const
{
    const Run logged =
        run(QStringLiteral("log"),
            {QStringLiteral("--contact"), contact, QStringLiteral("--channel"), QStringLiteral("email"),
             QStringLiteral("--direction"), direction, QStringLiteral("--at"), at});
    INFO(logged.err.toStdString());
    REQUIRE(logged.exitCode == 0);
}

Run runWithConfigHome(const CliDatabase& db, const QString& configHome, const QString& command,
                      const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    process.setProcessEnvironment(environment);
    return runRapport(process, QStringList{command, QStringLiteral("--database"), db.path()} + arguments);
}

void setCurrentMember(const QString& configHome, const QString& databasePath, qint64 memberId)
{
    // Member ids by the file's absolute path.
    QSettings settings(QDir(configHome).filePath(QStringLiteral("Rapport/rapport.conf")),
                       QSettings::IniFormat);
    settings.setValue(QStringLiteral("currentMember"),
                      QVariantMap{{QFileInfo(databasePath).absoluteFilePath(), memberId}});
}

} // namespace rapport::test
