// SPDX-License-Identifier: GPL-3.0-or-later
// Imports trust notes: each row names its contact (id, email or handle), when the note was written, its
// kind, an optional trust level and its text. Notes already stored (same contact, moment, kind, level and
// text) are left alone, so importing a file twice adds nothing.
#pragma once

#include "core/import/LogImport.h"

namespace rapport {

class NoteImport : public LogImport
{
public:
    explicit NoteImport(Database& db);

    Result<RowResult> row(const MappedRow& row) override;
};

} // namespace rapport
