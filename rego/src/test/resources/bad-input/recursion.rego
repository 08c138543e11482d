package bad

p := q
q := p
