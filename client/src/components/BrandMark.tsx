// The product mark: the character 同 on the brand colour. It is a logo, not text, so it is hidden from screen readers
// and not translated (the product name next to it is).
export function BrandMark() {
  return (
    <span className="tb-brand__mark" aria-hidden>
      同
    </span>
  );
}
