package bad

p := "caf\u00e9 \uZZZZ"
