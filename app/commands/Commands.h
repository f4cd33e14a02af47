// SPDX-License-Identifier: GPL-3.0-or-later
// The headless commands of the command-line contract (the README's Command line section). Each takes the
// arguments after its name and returns the process exit code.
#pragma once

#include <QStringList>

namespace rapport::cli {

int runAddContact(const QStringList& arguments);
int runCheck(const QStringList& arguments);
int runDemo(const QStringList& arguments);
int runDuplicates(const QStringList& arguments);
int runEvent(const QStringList& arguments);
int runExport(const QStringList& arguments);
int runExportPerson(const QStringList& arguments);
int runFollowUp(const QStringList& arguments);
int runForget(const QStringList& arguments);
int runHistory(const QStringList& arguments);
int runImport(const QStringList& arguments);
// rapport import conversations, which runImport hands the arguments after "conversations" to.
int runImportConversations(const QStringList& arguments);
int runLink(const QStringList& arguments);
int runLinks(const QStringList& arguments);
int runLog(const QStringList& arguments);
int runMerge(const QStringList& arguments);
int runMergeTags(const QStringList& arguments);
int runReachOut(const QStringList& arguments);
int runScore(const QStringList& arguments);
int runSettings(const QStringList& arguments);
// rapport team identity add|list|remove.
int runTeam(const QStringList& arguments);
int runToday(const QStringList& arguments);
int runUnlink(const QStringList& arguments);

} // namespace rapport::cli
