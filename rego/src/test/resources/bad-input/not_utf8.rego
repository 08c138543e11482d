package bad

p := "ÿş"
