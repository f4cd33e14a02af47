// The main window. For now it shows what the open database holds and how its relationships are
// doing by band; the contact list, timeline and dashboard arrive with the UI issues.
#pragma once

#include "storage/Database.h"

#include <QMainWindow>
#include <memory>

class QLabel;

namespace rapport::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(std::unique_ptr<Database> database, QWidget* parent = nullptr);
    ~MainWindow() override;

private:
    void refreshSummary();

    std::unique_ptr<Database> m_database;
    QLabel* m_summary = nullptr;
};

} // namespace rapport::ui
