// SPDX-License-Identifier: GPL-3.0-or-later
// Qt's QAbstractItemModelTester on a model for as long as this object lives: the model is checked now and
// after every signal it emits (resets, inserts, removals, moves, data changes) against the item-model
// contract. The tester's findings are collected rather than aborting the test, and the destructor fails
// the test case with each of them. While two live at once, each reports the other's findings too.
#pragma once

#include <QAbstractItemModel>
#include <QStringList>
#include <memory>

class QAbstractItemModelTester;

namespace rapport::test {

class ModelChecks
{
public:
    explicit ModelChecks(QAbstractItemModel* model);
    ~ModelChecks();
    Q_DISABLE_COPY_MOVE(ModelChecks)

    // What the tester has reported since the last call, one line per finding; the destructor then reports
    // only what comes after. For a test that expects a finding.
    QStringList takeFindings();

private:
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qsizetype m_first = 0; // where this object's findings start in the shared log
};

} // namespace rapport::test
