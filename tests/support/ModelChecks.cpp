// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ModelChecks.h"

#include <QAbstractItemModelTester>
#include <QMutex>
#include <catch2/catch.hpp>

namespace rapport::test {

namespace {

// The tester reports through qWarning in the "qt.modeltest" category; every other message goes on to the
// handler that was installed before.
QMutex logMutex;
QStringList findingsLog;
int activeChecks = 0;
QtMessageHandler previousHandler = nullptr;

void collectFindings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category && qstrcmp(context.category, "qt.modeltest") == 0 && type != QtDebugMsg) {
        const QMutexLocker lock(&logMutex);
        findingsLog << message;
        return;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

ModelChecks::ModelChecks(QAbstractItemModel* model)
{
    {
        const QMutexLocker lock(&logMutex);
        if (activeChecks++ == 0) {
            findingsLog.clear();
            previousHandler = qInstallMessageHandler(collectFindings);
        }
        m_first = findingsLog.size();
    }
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::Warning);
}

ModelChecks::~ModelChecks()
{
    m_tester.reset();
    const QStringList found = takeFindings();
    {
        const QMutexLocker lock(&logMutex);
        if (--activeChecks == 0) {
            qInstallMessageHandler(previousHandler);
            previousHandler = nullptr;
        }
    }
    for (const QString& finding : found)
        FAIL_CHECK("QAbstractItemModelTester: " << finding.toStdString());
}

QStringList ModelChecks::takeFindings()
{
    const QMutexLocker lock(&logMutex);
    const QStringList found = findingsLog.mid(m_first);
    m_first = findingsLog.size();
    return found;
}

} // namespace rapport::test
