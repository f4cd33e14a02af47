// SPDX-License-Identifier: GPL-3.0-or-later
// The owner and tag choices that the contact list's and the dashboard's filters share: "All owners",
// "Nobody" and each team member; "All tags" and each tag, read through core.
#pragma once

#include "core/storage/Database.h"

#include <QString>
#include <optional>

class QComboBox;

namespace rapport::ui {

// The data of an "All …" entry.
inline constexpr qint64 anyChoice = -1;

// Refills both boxes without emitting their signals, keeping the choice made when it still exists.
void fillOwnerAndTagChoices(Database& db, QComboBox& owner, QComboBox& tag);

// The id chosen in a filter box (0 for "Nobody"), none for "All …".
std::optional<qint64> chosenId(const QComboBox& box);
// The name of the team member or tag chosen, empty for "All …" and "Nobody": what File > Export starts from.
QString chosenName(const QComboBox& box);

} // namespace rapport::ui
