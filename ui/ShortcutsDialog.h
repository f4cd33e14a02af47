// SPDX-License-Identifier: GPL-3.0-or-later
// Help > Keyboard shortcuts: every menu command that has a shortcut, by menu, read from the menu bar
// itself so that the list cannot drift from what the keys do.
#pragma once

#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace rapport::ui {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    ShortcutsDialog(const QMenuBar& menus, QWidget* parent = nullptr);
    ~ShortcutsDialog() override;

    QTreeWidget* list() const { return m_list; }

private:
    QTreeWidget* m_list = nullptr;
};

} // namespace rapport::ui
