// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

// "&Export…" as a menu shows it: "Export…".
QString plainText(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// The commands of `menu` and its submenus that have shortcuts, under `parent`.
void addCommands(const QMenu& menu, QTreeWidgetItem& parent)
{
    for (QAction* action : menu.actions()) {
        if (action->isSeparator())
            continue;
        if (QMenu* submenu = action->menu()) {
            auto* group = new QTreeWidgetItem({plainText(submenu->title())});
            addCommands(*submenu, *group);
            if (group->childCount() > 0)
                parent.addChild(group);
            else
                delete group;
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList written;
        for (const QKeySequence& key : keys)
            written << key.toString(QKeySequence::NativeText);
        parent.addChild(new QTreeWidgetItem({plainText(action->text()), written.join(QStringLiteral(", "))}));
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar& menus, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Command"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    for (QAction* entry : menus.actions()) {
        const QMenu* menu = entry->menu();
        if (!menu)
            continue;
        auto* group = new QTreeWidgetItem({plainText(menu->title())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        addCommands(*menu, *group);
        if (group->childCount() > 0)
            m_list->addTopLevelItem(group);
        else
            delete group;
    }
    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(480, 560);
}

ShortcutsDialog::~ShortcutsDialog() = default;

} // namespace rapport::ui
