// SPDX-License-Identifier: GPL-3.0-or-later
// The layout every edit dialog of Rapport shares: its form, the error line under it and Save / Cancel.
#pragma once

class QDialog;
class QFormLayout;
class QLabel;

namespace rapport::ui {

// Lays `form`, `error` and the buttons out in `dialog`. Save is the default button, and Ctrl+Enter saves
// from anywhere in the dialog — also from a multi-line text field, where Enter starts a new line.
void layOutEditDialog(QDialog& dialog, QFormLayout* form, QLabel* error);

} // namespace rapport::ui
