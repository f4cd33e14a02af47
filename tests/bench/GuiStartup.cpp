// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/GuiStartup.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace rapport::bench {

Result<GuiStartupSample> measureGuiStartup(const QString& binary, const QString& databasePath)
{
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("DISPLAY")) &&
        !environment.contains(QStringLiteral("WAYLAND_DISPLAY")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(environment);
    app.start(binary,
              {QStringLiteral("--database"), databasePath, QStringLiteral("--quit-after-first-paint")});
    if (!app.waitForStarted())
        return Error::database(QStringLiteral("cannot start %1").arg(binary));
    if (!app.waitForFinished(120000) || app.exitStatus() != QProcess::NormalExit || app.exitCode() != 0)
        return Error::database(
            QStringLiteral("%1 failed: %2").arg(binary, QString::fromLocal8Bit(app.readAllStandardError())));
    const QString output = QString::fromLocal8Bit(app.readAllStandardOutput());
    static const QRegularExpression report(
        QStringLiteral(R"(first paint after (\d+) ms, resident memory ([0-9.]+) MB)"));
    const QRegularExpressionMatch match = report.match(output);
    if (!match.hasMatch())
        return Error::database(QStringLiteral("%1 printed no first-paint report: %2").arg(binary, output));
    return GuiStartupSample{match.captured(1).toDouble(), match.captured(2).toDouble()};
}

} // namespace rapport::bench
