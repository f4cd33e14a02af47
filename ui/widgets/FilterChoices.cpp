// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/FilterChoices.h"

#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSignalBlocker>

namespace rapport::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FilterChoices", text);
}

} // namespace

void fillOwnerAndTagChoices(Database& db, QComboBox& owner, QComboBox& tag)
{
    const QSignalBlocker ownerBlocker(owner);
    const QSignalBlocker tagBlocker(tag);
    const QVariant chosenOwner = owner.currentData();
    const QVariant chosenTag = tag.currentData();
    owner.clear();
    owner.addItem(tr("All owners"), anyChoice);
    owner.addItem(tr("Nobody"), 0);
    if (const Result<QList<TeamMember>> members = TeamMemberRepository(db).list()) {
        for (const TeamMember& member : *members)
            owner.addItem(member.name, member.id);
    }
    tag.clear();
    tag.addItem(tr("All tags"), anyChoice);
    if (const Result<QList<Tag>> tags = TagRepository(db).list()) {
        for (const Tag& each : *tags)
            tag.addItem(each.name, each.id);
    }
    owner.setCurrentIndex(std::max(0, owner.findData(chosenOwner)));
    tag.setCurrentIndex(std::max(0, tag.findData(chosenTag)));
}

std::optional<qint64> chosenId(const QComboBox& box)
{
    const qint64 value = box.currentData().toLongLong();
    return value == anyChoice ? std::nullopt : std::optional<qint64>(value);
}

QString chosenName(const QComboBox& box)
{
    return box.currentData().toLongLong() > 0 ? box.currentText() : QString();
}

} // namespace rapport::ui
