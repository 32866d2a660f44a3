// mktable.js writes table.go: node mktable.js > table.go
const extra={"·":"","ʼ":"","ʾ":"","ǥ":"g","ɖ":"d","ƌ":"d","ƃ":"b","ƅ":"b","ɣ":"g","ɩ":"i","ɯ":"m","ʀ":"r","ʃ":"s","ʊ":"u","ⱥ":"a","ⱦ":"t","ʌ":"v","ƕ":"hv","ƿ":"w","ƻ":"2","ß":"ss","æ":"ae","œ":"oe","ø":"o","đ":"d","ð":"d","þ":"th","ł":"l","ħ":"h","ı":"i","ŧ":"t","ŋ":"n","ĸ":"k","ƀ":"b","ɓ":"b","ƈ":"c","ɗ":"d","ƒ":"f","ɠ":"g","ɦ":"h","ɨ":"i","ƙ":"k","ƚ":"l","ɲ":"n","ƞ":"n","ɵ":"o","ƥ":"p","ʠ":"q","ɍ":"r","ʂ":"s","ƭ":"t","ʈ":"t","ʉ":"u","ʋ":"v","ƴ":"y","ƶ":"z","ȥ":"z","ɇ":"e","ɉ":"j","ɏ":"y","ȼ":"c","ƣ":"oi","ȣ":"ou","ǝ":"e","ə":"e","ɛ":"e","ɔ":"o","ƨ":"s","ƽ":"5","ȝ":"y","ȸ":"db","ȹ":"qp","ȡ":"d","ȴ":"l","ȵ":"n","ȶ":"t","ȷ":"j","ʒ":"z","ƹ":"z","ƺ":"z","ƾ":"ts","ǀ":"","ǁ":"","ǂ":"","ǃ":"","ƪ":"","ƫ":"t","ƍ":"d","ƛ":"l","ȿ":"s","ɀ":"z","ɂ":"","ɋ":"q","ɑ":"a","ɐ":"a","ỻ":"ll","ỽ":"v","ỿ":"y","ẜ":"s","ẝ":"s","ẞ":"ss","ẟ":"d"};
function fold(ch){
  let s=ch.normalize("NFKD").replace(/\p{M}/gu,"").toLowerCase();
  let out="";
  for(const c of s){ if(c.charCodeAt(0)<128) out+=c; else if(c in extra) out+=extra[c]; else { const l=c.toLowerCase(); if(l in extra) out+=extra[l]; else return null; } }
  return out;
}
function table(name,lo,hi){
  let lines=[`var ${name} = [...]string{`];
  for(let b=lo;b<hi;b+=8){
    const parts=[];
    for(let r=b;r<b+8;r++){const f=fold(String.fromCodePoint(r)); parts.push(f===null?`""`:JSON.stringify(f));}
    const chars=[];for(let r=b;r<b+8;r++)chars.push(String.fromCodePoint(r));
    lines.push(`\t${parts.join(", ")}, // U+${b.toString(16).toUpperCase().padStart(4,"0")} ${chars.join(" ")}`);
  }
  lines.push("}");
  return lines.join("\n");
}
// unknowns marked "" are those with no ASCII fold; the Go code treats "" as "lower-case the rune as is"
let missing=[];for(const [lo,hi] of [[0xC0,0x250],[0x1E00,0x1F00]])for(let r=lo;r<hi;r++){if(fold(String.fromCodePoint(r))===null)missing.push(String.fromCodePoint(r)+r.toString(16))}
console.error("no fold:",missing.join(" "));
console.log(`// This table was made by mktable.js (node mktable.js > table.go) from Unicode
// NFKD decompositions (node's String.prototype.normalize) with combining marks
// removed, plus hand-added letters that have no decomposition (ß, æ, ø, đ, ł, ı, þ ...).
// Regenerate it rather than edit it by hand; fold_test.go checks samples.

package fold

// foldLatin1 folds U+00C0..U+024F (Latin-1 Supplement letters, Latin Extended-A and -B)
// to lower-case ASCII; "" means the rune has no ASCII fold.
${table("foldLatin1",0xC0,0x250)}

// foldLatinX folds U+1E00..U+1EFF (Latin Extended Additional, e.g. Vietnamese) likewise.
${table("foldLatinX",0x1E00,0x1F00)}`);
