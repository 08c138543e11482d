# query: x := data.bad.p
package bad

p := yaml.unmarshal("a: 1\n---\nb: 2\n")
