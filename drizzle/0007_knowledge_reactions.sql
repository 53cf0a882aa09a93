CREATE TABLE "knowledge_bookmark" (
	"person_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_bookmark_person_id_post_id_pk" PRIMARY KEY("person_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_reaction" (
	"post_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_reaction_post_id_person_id_kind_pk" PRIMARY KEY("post_id","person_id","kind")
);
--> statement-breakpoint
ALTER TABLE "knowledge_bookmark" ADD CONSTRAINT "knowledge_bookmark_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_bookmark" ADD CONSTRAINT "knowledge_bookmark_post_id_knowledge_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."knowledge_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_reaction" ADD CONSTRAINT "knowledge_reaction_post_id_knowledge_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."knowledge_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_reaction" ADD CONSTRAINT "knowledge_reaction_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_bookmark_post_idx" ON "knowledge_bookmark" USING btree ("post_id");