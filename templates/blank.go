package templates

// InstructionsTitle is the title of the first sheet of the blank template,
// which says how to fill it; readers skip a sheet with this title.
const InstructionsTitle = "填表说明"
