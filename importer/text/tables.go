package text

func (p *parser) findTables() {}
